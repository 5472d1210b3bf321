-- Services that existed before measuredSince: measured from their creation, or, when their first
-- incident started earlier, from the start of that incident's day in the organisation's zone
-- (docs/domain.md "Measured since"; decision 0018). The stored instants are UTC.
UPDATE "Service" s
   SET "measuredSince" = LEAST(s."createdAt", first."dayStart")
  FROM (
    SELECT im."serviceId",
           ((date_trunc('day', (min(i."startedAt") AT TIME ZONE 'UTC') AT TIME ZONE z.tz)) AT TIME ZONE z.tz) AT TIME ZONE 'UTC' AS "dayStart"
      FROM "Impact" im
      JOIN "Incident" i ON i.id = im."incidentId"
     CROSS JOIN (SELECT COALESCE((SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1), 'UTC') AS tz) z
     GROUP BY im."serviceId", z.tz
  ) first
 WHERE first."serviceId" = s.id;
UPDATE "Service" SET "measuredSince" = "createdAt" WHERE "measuredSince" > "createdAt";
