/**
 * An error a Go function returns or panics with. The function table reports it the way
 * text/template does: `error calling <name>: <message>`.
 */
export class GoFailure extends Error {}
