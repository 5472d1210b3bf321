-- A delivery goes to exactly one place: a channel or a status page subscriber.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_one_target" CHECK (("channelId" IS NULL) <> ("subscriberId" IS NULL));
