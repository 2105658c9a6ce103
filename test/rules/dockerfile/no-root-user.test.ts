import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/no-root-user', 'dockerfile', {
  valid: [
    { name: 'numeric non-root user', code: 'FROM alpine:3.20\nUSER 10001\n' },
    { name: 'named non-root user with group', code: 'FROM alpine:3.20\nUSER app:app\n' },
    { name: 'root only in a builder stage', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM alpine:3.20\nUSER 10001\n' },
    { name: 'scratch has no user database', code: 'FROM golang:1.23 AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'root first, then a non-root user', code: 'FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER 10001\n' },
    { name: 'final stage inherits a non-root user from an earlier stage', code: 'FROM alpine:3.20 AS base\nUSER 10001\nFROM base\nCMD ["sh"]\n' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'USER root',
      code: 'FROM alpine:3.20\nUSER root\n',
      findings: [
        {
          message: 'The final stage runs as root (USER root). Switch to a non-root user.',
          range: [1, 5, 1, 9],
          fixes: [{ title: 'Run as UID 10001 instead of root', kind: 'suggestion', output: 'FROM alpine:3.20\nUSER 10001\n' }],
        },
      ],
    },
    {
      name: 'USER 0:0 with CRLF',
      code: 'FROM alpine:3.20\r\nUSER 0:0\r\nCMD ["sh"]\r\n',
      findings: [
        {
          message: 'The final stage runs as root (USER 0:0). Switch to a non-root user.',
          range: [1, 5, 1, 6],
          fixes: [{ title: 'Run as UID 10001 instead of root', kind: 'suggestion', output: 'FROM alpine:3.20\r\nUSER 10001\r\nCMD ["sh"]\r\n' }],
        },
      ],
    },
    {
      name: 'no USER: inserted before CMD',
      code: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      findings: [
        {
          message: 'The final stage has no USER instruction, so the container runs as root. Add a USER with a non-root UID.',
          range: [2, 0, 2, 4],
          fixes: [{ title: 'Add USER 10001', kind: 'suggestion', output: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 10001\nCMD ["/app"]\n' }],
        },
      ],
    },
    {
      name: 'no USER and no CMD: appended after the last instruction, continuation included',
      code: 'FROM alpine:3.20\nRUN apk add \\\n    curl',
      findings: [
        {
          message: 'The final stage has no USER instruction, so the container runs as root. Add a USER with a non-root UID.',
          range: [0, 0, 0, 4],
          fixes: [{ title: 'Add USER 10001', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN apk add \\\n    curl\nUSER 10001' }],
        },
      ],
    },
    {
      name: 'suppressed by hadolint on another line does not hide it',
      code: '# hadolint ignore=DL3002\nFROM alpine:3.20\nRUN true\nUSER root\n',
      findings: [
        {
          message: 'The final stage runs as root (USER root). Switch to a non-root user.',
          range: [3, 5, 3, 9],
          fixes: [{ title: 'Run as UID 10001 instead of root', kind: 'suggestion', output: '# hadolint ignore=DL3002\nFROM alpine:3.20\nRUN true\nUSER 10001\n' }],
        },
      ],
    },
  ],
});

testRule('dockerfile/no-root-user', 'dockerfile', {
  valid: [
    { name: 'ballast-ignore above the instruction', code: 'FROM alpine:3.20\n# ballast-ignore dockerfile/no-root-user -- needs to bind port 80\nUSER root\n' },
    { name: 'hadolint ignore above the instruction', code: 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n' },
    { name: 'ballast-ignore-file anywhere', code: 'FROM alpine:3.20\nUSER root\n# ballast-ignore-file dockerfile/no-root-user\n' },
    { name: 'turned off in settings', code: 'FROM alpine:3.20\nUSER root\n', settings: { rules: { 'dockerfile/no-root-user': 'off' } } },
  ],
  invalid: [],
});
