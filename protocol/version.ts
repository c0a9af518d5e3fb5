/** The wire protocol version this build speaks; a hello with any other version is refused. */
export const PROTOCOL_VERSION = 2;
