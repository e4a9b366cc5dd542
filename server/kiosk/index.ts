/** Kiosk tokens (issue 16): what the app wires — the service, its routes, the REST and socket doors. */
export { createKioskService, type KioskService } from "./kiosk.service.ts";
export { kioskRouter } from "./kiosk.routes.ts";
export { kioskBearer } from "./kiosk.middleware.ts";
export { kioskDisconnector, kioskSocketLogin, startKioskRecheck } from "./kiosk.socket.ts";
