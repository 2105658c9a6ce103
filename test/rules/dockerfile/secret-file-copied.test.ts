import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/secret-file-copied', 'dockerfile', {
  valid: [
    { name: 'public SSH files into .ssh', code: 'FROM alpine:3.20\nCOPY id_rsa.pub known_hosts .ssh/config /home/app/.ssh/\n' },
    { name: 'environment templates', code: 'FROM node:22-alpine\nCOPY .env.example .env.sample .env.template .env.dist ./\n' },
    {
      name: 'certificates and public keys with .pem and .key names',
      code: 'FROM debian:12\nCOPY ca.pem fullchain.pem corp-ca-bundle.pem certs/cert.pem nodesource.gpg.key public.key /usr/local/share/\n',
    },
    { name: 'the whole context: .dockerignore decides', code: 'FROM node:22-alpine\nCOPY . .\n' },
    { name: 'a downloaded file and a Git source', code: 'FROM alpine:3.20\nADD https://example.com/keys/server.pem /etc/ssl/\nADD git@github.com:example/keys.git /src\n' },
    { name: 'inline content from a heredoc', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nLOG_LEVEL=info\nEOF\n' },
    { name: 'a source given by a variable', code: 'FROM alpine:3.20\nARG CONFIG=app.conf\nCOPY $CONFIG /etc/app/\n' },
    { name: 'source code named after credentials', code: 'FROM golang:1.23\nCOPY internal/auth/credentials.go internal/auth/tokens.go /src/internal/auth/\n' },
    { name: 'only the source is judged, not the destination name', code: 'FROM alpine:3.20\nCOPY settings.toml /app/.env\n' },
    { name: 'suppressed with a reason', code: 'FROM alpine:3.20\n# ballast-ignore dockerfile/secret-file-copied -- throwaway key for the test image\nCOPY test.key /etc/app/\n' },
  ],
  invalid: [
    {
      name: 'an SSH private key copied into .ssh',
      code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n',
      findings: [
        { message: 'id_rsa is an SSH private key, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=ssh instead.', range: [1, 5, 1, 11] },
      ],
    },
    {
      name: 'ADD of .env files next to a template',
      code: 'FROM node:22-alpine\nADD .env .env.example .env.production ./\n',
      findings: [
        { message: '.env usually holds secrets, and ADD stores it in an image layer anyone with the image can read. Pass the values at run time instead.', range: [1, 4, 1, 8] },
        { message: '.env.production usually holds secrets, and ADD stores it in an image layer anyone with the image can read. Pass the values at run time instead.', range: [1, 22, 1, 37] },
      ],
    },
    {
      name: 'JSON form: a private key, a CA certificate left alone',
      code: 'FROM nginx:1.27\nCOPY ["tls/server.key", "tls/ca.pem", "/etc/nginx/tls/"]\n',
      findings: [
        { message: 'tls/server.key may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 6, 1, 22] },
      ],
    },
    {
      name: 'COPY --from a builder stage still puts the file in this image',
      code: 'FROM alpine:3.20 AS creds\nRUN true\nFROM alpine:3.20\nCOPY --from=creds /root/.aws/credentials /root/.aws/\n',
      findings: [
        { message: '/root/.aws/credentials usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [3, 18, 3, 40] },
      ],
    },
    {
      name: 'credential files and a wildcard, with another flag first',
      code: 'FROM alpine:3.20\nCOPY --chown=10001:10001 .npmrc .docker/config.json ~/.kube/config deploy/app.kubeconfig credentials.json *.pem /home/app/\n',
      findings: [
        { message: '.npmrc usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 25, 1, 31] },
        { message: '.docker/config.json usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 32, 1, 51] },
        { message: '~/.kube/config usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 52, 1, 66] },
        { message: 'deploy/app.kubeconfig usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 67, 1, 88] },
        { message: 'credentials.json usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 89, 1, 105] },
        { message: '*.pem may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 106, 1, 111] },
      ],
    },
    {
      name: 'backtick escape, CRLF and a comment line inside the continuation',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nCOPY `\r\n    # keys for the deploy step\r\n    .ssh `\r\n    C:/Users/app/.ssh/\r\n',
      findings: [
        { message: '.ssh holds SSH keys, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=ssh instead.', range: [4, 4, 4, 8] },
      ],
    },
    {
      name: 'other keys and keystores',
      code: 'FROM eclipse-temurin:21\nCOPY id_ed25519 id_ecdsa_sk signing.p12 client.pfx release.keystore putty.ppk .gnupg /secrets/\n',
      findings: [
        { message: 'id_ed25519 is an SSH private key, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=ssh instead.', range: [1, 5, 1, 15] },
        { message: 'id_ecdsa_sk is an SSH private key, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=ssh instead.', range: [1, 16, 1, 27] },
        { message: 'signing.p12 may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 28, 1, 39] },
        { message: 'client.pfx may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 40, 1, 50] },
        { message: 'release.keystore may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 51, 1, 67] },
        { message: 'putty.ppk may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 68, 1, 77] },
        { message: '.gnupg may hold a private key, and COPY stores it in an image layer anyone with the image can read. Mount it at run time, or use RUN --mount=type=secret during the build.', range: [1, 78, 1, 84] },
      ],
    },
    {
      name: 'netrc-style credential files',
      code: 'FROM python:3.13-slim\nCOPY .netrc .pypirc .git-credentials .pgpass /root/\n',
      findings: [
        { message: '.netrc usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 5, 1, 11] },
        { message: '.pypirc usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 12, 1, 19] },
        { message: '.git-credentials usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 20, 1, 36] },
        { message: '.pgpass usually holds credentials, and COPY stores it in an image layer anyone with the image can read. Use RUN --mount=type=secret during the build instead.', range: [1, 37, 1, 44] },
      ],
    },
    {
      name: 'an .env wildcard',
      code: 'FROM node:22-alpine\nCOPY .env* ./\n',
      findings: [
        { message: '.env* usually holds secrets, and COPY stores it in an image layer anyone with the image can read. Pass the values at run time instead.', range: [1, 5, 1, 10] },
      ],
    },
  ],
});
