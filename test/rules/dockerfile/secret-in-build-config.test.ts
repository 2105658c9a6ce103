import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/secret-in-build-config', 'dockerfile', {
  valid: [
    {
      name: 'names that point at a secret instead of holding it',
      code: 'FROM alpine:3.20\nARG TOKEN_URL=https://auth.example/token\nENV DB_PASSWORD_FILE=/run/secrets/db SECRET_NAME=prod-db PASSWORD_POLICY=strict\nENV PRIVATE_KEY_PATH=/etc/tls/key.pem CSRF_TOKEN_HEADER=X-CSRF-Token\n',
    },
    {
      name: 'switches about secrets, and public keys',
      code: 'FROM bitnami/redis:7.4\nENV ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=yes\nARG NEXT_PUBLIC_API_KEY\n',
    },
    { name: 'boolean and file path values', code: 'FROM alpine:3.20\nENV DB_PASSWORD=/run/secrets/db_password ADMIN_PASSWORD=false\n' },
    { name: 'an ENV that clears the variable', code: 'FROM alpine:3.20\nENV DB_PASSWORD=""\n' },
    {
      name: 'ordinary names that contain secret-like words',
      code: 'FROM python:3.13-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D TOKENIZERS_PARALLELISM=false GIT_ASKPASS=/usr/bin/true PASSWORDLESS_LOGIN=1\n',
    },
    { name: 'the AWS documentation example key id', code: 'FROM alpine:3.20\nENV EXAMPLE_ID=AKIAIOSFODNN7EXAMPLE\n' },
    {
      name: 'URLs without a literal password',
      code: 'FROM alpine:3.20\nENV HTTP_PROXY=http://proxy.internal:3128 REPO=https://ci:${CI_JOB_TOKEN}@gitlab.example/app.git MIRROR=https://user@mirror.example/\n',
    },
    { name: 'LABEL and RUN are not ARG or ENV', code: 'FROM alpine:3.20\nLABEL api_token=none\nRUN echo "$API_TOKEN"\n' },
    { name: 'suppressed with a reason', code: 'FROM alpine:3.20\n# ballast-ignore dockerfile/secret-in-build-config -- a test fixture password\nENV DB_PASSWORD=test\n' },
  ],
  invalid: [
    {
      name: 'ARG without a default, named like a token',
      code: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN npm ci\n',
      findings: [
        { message: 'NPM_TOKEN looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=npm_token instead.', range: [1, 4, 1, 13] },
      ],
    },
    {
      name: 'ENV with a password, next to an ordinary variable',
      code: 'FROM postgres:16\nENV APP_NAME=shop DB_PASSWORD=hunter2\n',
      findings: [
        { message: 'DB_PASSWORD looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=db_password during the build.', range: [1, 18, 1, 29] },
      ],
    },
    {
      name: 'legacy ENV form (name, space, value)',
      code: 'FROM python:3.13-slim\nENV DJANGO_SECRET_KEY change-me-please\n',
      findings: [
        { message: 'DJANGO_SECRET_KEY looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=django_secret_key during the build.', range: [1, 4, 1, 21] },
      ],
    },
    {
      name: 'ARG with an empty default is still a build argument meant for a secret',
      code: 'FROM alpine:3.20\nARG GITHUB_TOKEN=""\n',
      findings: [
        { message: 'GITHUB_TOKEN looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=github_token instead.', range: [1, 4, 1, 16] },
      ],
    },
    {
      name: 'global ARG before FROM, camelCase name',
      code: 'ARG apiKey\nFROM alpine:3.20\n',
      findings: [
        { message: 'apiKey looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=apikey instead.', range: [0, 4, 0, 10] },
      ],
    },
    {
      name: 'names BuildKit and Trivy know: AWS keys and session tokens',
      code: 'FROM amazon/aws-cli:2.17.0\nARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\nARG AWS_SESSION_TOKEN\n',
      findings: [
        { message: 'AWS_ACCESS_KEY_ID looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=aws_access_key_id instead.', range: [1, 4, 1, 21] },
        { message: 'AWS_SECRET_ACCESS_KEY looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=aws_secret_access_key instead.', range: [2, 4, 2, 25] },
        { message: 'AWS_SESSION_TOKEN looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=aws_session_token instead.', range: [3, 4, 3, 21] },
      ],
    },
    {
      name: 'SECRET_KEY_BASE: a secret word in the middle of the name',
      code: 'FROM ruby:3.3\nENV SECRET_KEY_BASE=0123456789abcdef RAILS_ENV=production\n',
      findings: [
        { message: 'SECRET_KEY_BASE looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=secret_key_base during the build.', range: [1, 4, 1, 19] },
      ],
    },
    {
      name: 'copying a build argument into ENV keeps it in the image',
      code: 'FROM alpine:3.20\nARG DB_PASS\nENV DB_PASS=$DB_PASS\n',
      findings: [
        { message: 'DB_PASS looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=db_pass instead.', range: [1, 4, 1, 11] },
        { message: 'DB_PASS looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=db_pass during the build.', range: [2, 4, 2, 11] },
      ],
    },
    {
      name: 'continuation lines with a comment line inside and CRLF',
      code: 'FROM alpine:3.20\r\nENV LOG_LEVEL=info \\\r\n    # the API credentials\r\n    OPENAI_API_KEY=sk-test \\\r\n    CLIENT_SECRET=abc\r\n',
      findings: [
        { message: 'OPENAI_API_KEY looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=openai_api_key during the build.', range: [3, 4, 3, 18] },
        { message: 'CLIENT_SECRET looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=client_secret during the build.', range: [4, 4, 4, 17] },
      ],
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV SA_PASSWORD="P@ssw0rd!" `\n    ACCEPT_EULA=Y\n',
      findings: [
        { message: 'SA_PASSWORD looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=sa_password during the build.', range: [2, 4, 2, 15] },
      ],
    },
    {
      name: 'a GitHub token value: reported on the value, once',
      code: 'FROM alpine:3.20\nENV GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n',
      findings: [
        { message: 'The value of GITHUB_TOKEN contains a GitHub token, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=github_token instead.', range: [1, 17, 1, 59] },
      ],
    },
    {
      name: 'secret-shaped values under innocent names',
      code: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:s3cr3t@db:5432/app\nARG DEPLOY_CONFIG="-----BEGIN OPENSSH PRIVATE KEY-----"\nENV UPLOAD_ID=AKIAZ7QRSTUVWXYZ1234 HOOK=https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX\n',
      findings: [
        { message: 'The value of DATABASE_URL contains a password in a URL, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=database_url instead.', range: [1, 17, 1, 50] },
        { message: 'The value of DEPLOY_CONFIG contains a private key, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=deploy_config instead.', range: [2, 18, 2, 55] },
        { message: 'The value of UPLOAD_ID contains an AWS access key id, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=upload_id instead.', range: [3, 14, 3, 34] },
        { message: 'The value of HOOK contains a Slack webhook URL, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=hook instead.', range: [3, 40, 3, 101] },
      ],
    },
    {
      name: 'more token shapes',
      code: 'FROM alpine:3.20\nENV A=xoxb-1234567890-abcdefghij B=glpat-abcdefghijklmnopqrst C=sk_live_abcdefghijklmnopqrstuvwx D=AIzaSyA0123456789abcdefghijklmnopqrstuv E=npm_abcdefghijklmnopqrstuvwxyz0123456789 F=github_pat_11ABCDEFG0123456789_abcdefghij\n',
      findings: [
        { message: 'The value of A contains a Slack token, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=a instead.', range: [1, 6, 1, 32] },
        { message: 'The value of B contains a GitLab token, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=b instead.', range: [1, 35, 1, 61] },
        { message: 'The value of C contains a Stripe secret key, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=c instead.', range: [1, 64, 1, 96] },
        { message: 'The value of D contains a Google API key, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=d instead.', range: [1, 99, 1, 138] },
        { message: 'The value of E contains an npm token, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=e instead.', range: [1, 141, 1, 181] },
        { message: 'The value of F contains a GitHub token, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=f instead.', range: [1, 184, 1, 225] },
      ],
    },
    {
      name: 'builder stages are reported too: ARG values reach the build history',
      code: 'FROM golang:1.23 AS build\nARG GOPRIVATE_TOKEN\nRUN go build ./...\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n',
      findings: [
        { message: 'GOPRIVATE_TOKEN looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=goprivate_token instead.', range: [1, 4, 1, 19] },
      ],
    },
  ],
});
