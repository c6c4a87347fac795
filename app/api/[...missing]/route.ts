// Unknown API paths answer JSON, not the HTML 404 page.
import { errorResponse } from "../../_server/api-route";

const notFound = async () => errorResponse(404, "NOT_FOUND", "No such API endpoint.");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
