import { StandaloneLoading } from "@/components/feedback/standalone-loading";

export default function Loading() {
  return <StandaloneLoading />;
}
