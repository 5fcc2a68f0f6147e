import { NotFoundMessage } from "@/components/ui/not-found-message";

// Inside the portal's layout (which already has the <main> landmark and the nav).
export default function PortalNotFound() {
  return <NotFoundMessage />;
}
