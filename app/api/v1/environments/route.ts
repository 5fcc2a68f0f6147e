import { apiRoute } from "@/lib/api/handler";
import { listEnvironments } from "@/lib/data/environments/list-environments";

export const GET = apiRoute(async ({ principal }) => ({ data: await listEnvironments(principal) }));
