import { testRule } from '../../helpers/ruleTester';

const message = (name: string) => `USER ${name} is a name, so Kubernetes runAsNonRoot cannot verify that it is not root. Use its numeric UID instead.`;

testRule('dockerfile/non-numeric-user', 'dockerfile', {
  valid: [
    { name: 'numeric UID', code: 'FROM alpine:3.20\nUSER 10001\n' },
    { name: 'numeric UID with a group name', code: 'FROM alpine:3.20\nUSER 10001:app\n' },
    { name: 'numeric UID and GID', code: 'FROM alpine:3.20\nUSER 10001:10001\n' },
    { name: 'root is left to no-root-user', code: 'FROM alpine:3.20\nUSER root\n' },
    { name: 'root with a group is left to no-root-user', code: 'FROM alpine:3.20\nUSER root:wheel\n' },
    { name: 'a variable', code: 'FROM alpine:3.20\nARG APP_UID=10001\nUSER $APP_UID\n' },
    { name: 'a braced variable with a group', code: 'FROM alpine:3.20\nUSER ${APP_UID}:app\n' },
    { name: 'no USER at all', code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'a name in a builder stage only', code: 'FROM golang:1.23 AS build\nUSER builder\nRUN go build\nFROM alpine:3.20\nUSER 10001\n' },
    { name: 'a name followed by a numeric USER', code: 'FROM alpine:3.20\nUSER app\nRUN id\nUSER 10001\n' },
    { name: 'the final stage overrides an inherited name', code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nUSER 10001\n' },
    { name: 'USER inside ONBUILD is not this image\'s user', code: 'FROM alpine:3.20\nUSER 10001\nONBUILD USER app\n' },
    { name: 'CRLF and a numeric UID', code: 'FROM alpine:3.20\r\nUSER 10001\r\n' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    { name: 'a user name', code: 'FROM alpine:3.20\nUSER app\n', findings: [{ message: message('app'), range: [1, 5, 1, 8] }] },
    { name: 'a user and a group name: only the user is marked', code: 'FROM alpine:3.20\nUSER app:staff\n', findings: [{ message: message('app'), range: [1, 5, 1, 8] }] },
    { name: 'a name with a numeric GID', code: 'FROM alpine:3.20\nUSER nobody:65534\n', findings: [{ message: message('nobody'), range: [1, 5, 1, 11] }] },
    { name: 'lower-case keyword and CRLF', code: 'FROM alpine:3.20\r\nuser node\r\nCMD ["node"]\r\n', findings: [{ message: message('node'), range: [1, 5, 1, 9] }] },
    { name: 'the last USER counts', code: 'FROM alpine:3.20\nUSER 10001\nRUN id\nUSER app\n', findings: [{ message: message('app'), range: [3, 5, 3, 8] }] },
    {
      name: 'only the final stage of a multi-stage build',
      code: 'FROM golang:1.23 AS build\nUSER builder\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER app\n',
      findings: [{ message: message('app'), range: [4, 5, 4, 8] }],
    },
    {
      name: 'a name inherited from the stage the final stage builds on',
      code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["sh"]\n',
      findings: [{ message: message('app'), range: [1, 5, 1, 8] }],
    },
    {
      name: 'escape directive and a continuation before the name',
      code: '# escape=`\nFROM alpine:3.20\nUSER `\n  app\n',
      findings: [{ message: message('app'), range: [3, 2, 3, 5] }],
    },
  ],
});
