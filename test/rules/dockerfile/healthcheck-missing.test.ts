import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/healthcheck-missing', 'dockerfile', {
  valid: [
    {
      name: 'a HEALTHCHECK in the final stage',
      code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1\n',
    },
    { name: 'HEALTHCHECK NONE is a deliberate choice', code: 'FROM alpine:3.20\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage the final stage builds on', code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD ["/bin/true"]\nFROM base AS app\nCOPY app /app\nFROM app\n' },
    { name: 'exec form in a continuation with a comment line', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=10s \\\n# probe the port\n  CMD ["/app", "health"]\n' },
    { name: 'a file without stages', code: '# syntax=docker/dockerfile:1\n' },
    { name: 'suppressed for the file', code: '# ballast-ignore-file dockerfile/healthcheck-missing\nFROM alpine:3.20\n' },
    { name: 'off in settings', code: 'FROM alpine:3.20\n', settings: { rules: { 'dockerfile/healthcheck-missing': 'off' } } },
  ],
  invalid: [
    {
      name: 'no HEALTHCHECK (the documented example)',
      code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
      findings: [
        { message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.', range: [0, 0, 0, 4] },
      ],
    },
    {
      name: 'a HEALTHCHECK in a builder stage the final stage does not build on',
      code: 'FROM node:22 AS build\nHEALTHCHECK CMD true\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n',
      findings: [
        { message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.', range: [3, 0, 3, 4] },
      ],
    },
    {
      name: 'scratch images are not exempt',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      findings: [
        { message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.', range: [2, 0, 2, 4] },
      ],
    },
    {
      name: 'CRLF and a lower-case from keyword',
      code: 'from alpine:3.20\r\nCMD ["sh"]\r\n',
      findings: [
        { message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.', range: [0, 0, 0, 4] },
      ],
    },
    {
      name: 'ARG before FROM, platform flag',
      code: 'ARG BASE=alpine:3.20\nFROM --platform=$BUILDPLATFORM ${BASE} AS final\nCMD ["sh"]\n',
      findings: [
        { message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.', range: [1, 0, 1, 4] },
      ],
    },
  ],
});
