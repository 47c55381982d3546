/** Node's native zlib for reading and editing packages: the CLI's merge (never bundled for the page). */
export { nodeZipCodec } from '../xlsx/node-deflate';
