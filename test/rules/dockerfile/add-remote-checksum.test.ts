import { testRule } from '../../helpers/ruleTester';

const CHECKSUM = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';
const COMMIT = '2f1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a';
const download = (url: string) => `ADD downloads ${url} without --checksum, so a changed or tampered file goes unnoticed. Add --checksum=sha256:<digest of the file>.`;
const clone = (url: string) => `ADD clones ${url} at a branch or tag, which can be moved. Pin a commit: add #<full commit SHA> to the URL, or --checksum=<commit SHA>.`;

testRule('dockerfile/add-remote-checksum', 'dockerfile', {
  valid: [
    { name: 'a download with --checksum', code: `FROM alpine:3.20\nADD --checksum=${CHECKSUM} https://example.com/tool.tar.gz /tmp/\n` },
    { name: '--checksum after other flags, on a continuation line', code: `FROM alpine:3.20\nADD --chmod=755 \\\n    --checksum=${CHECKSUM} \\\n    https://example.com/tool /usr/local/bin/tool\n` },
    { name: 'local sources', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD . /app\n' },
    { name: 'a URL as the destination only', code: 'FROM alpine:3.20\nCOPY a https://example.com/\n' },
    { name: 'COPY is not ADD', code: 'FROM alpine:3.20\nCOPY --from=build /app /app\n' },
    { name: 'a Git source pinned to a commit by fragment', code: `FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#${COMMIT} /src\n` },
    { name: 'a Git source pinned to a commit, with a subdirectory', code: `FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#${COMMIT}:docs /docs\n` },
    { name: 'a Git source with a commit query', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git?tag=v0.16.0&commit=2f1b0a9 /src\n' },
    { name: 'a Git source with a checksum query', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git?ref=main&checksum=2f1b0a9c /src\n' },
    { name: 'a Git source verified by --checksum', code: `FROM alpine:3.20\nADD --checksum=${COMMIT} https://github.com/moby/buildkit.git#v0.16.0 /src\n` },
    { name: 'a source in a variable is not judged', code: 'FROM alpine:3.20\nARG URL\nADD ${URL} /tmp/\n' },
  ],
  invalid: [
    {
      name: 'an HTTPS download',
      code: 'FROM alpine:3.20\nADD https://example.com/tool-1.4.2.tar.gz /tmp/\n',
      findings: [{ message: download('https://example.com/tool-1.4.2.tar.gz'), range: [1, 4, 1, 41] }],
    },
    {
      name: 'a plain HTTP download with flags',
      code: 'FROM alpine:3.20\nADD --chown=10001 --chmod=755 http://example.com/tool /usr/local/bin/tool\n',
      findings: [{ message: download('http://example.com/tool'), range: [1, 30, 1, 53] }],
    },
    {
      name: 'a URL with variables in it',
      code: 'FROM alpine:3.20\nARG VERSION=1.4.2\nADD https://example.com/tool-${VERSION}.tar.gz /tmp/\n',
      findings: [{ message: download('https://example.com/tool-${VERSION}.tar.gz'), range: [2, 4, 2, 46] }],
    },
    {
      name: 'every download of an instruction, next to a local file',
      code: 'FROM alpine:3.20\nADD https://example.com/a.sh local.sh https://example.com/b.sh /opt/\n',
      findings: [
        { message: download('https://example.com/a.sh'), range: [1, 4, 1, 28] },
        { message: download('https://example.com/b.sh'), range: [1, 38, 1, 62] },
      ],
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nADD ["https://example.com/my tool.sh", "/opt/"]\n',
      findings: [{ message: download('https://example.com/my tool.sh'), range: [1, 5, 1, 37] }],
    },
    {
      name: 'CRLF, escape directive and a comment line inside the continuation',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nADD `\r\n  # the installer\r\n  https://example.com/setup.exe C:\\setup.exe\r\n',
      findings: [{ message: download('https://example.com/setup.exe'), range: [4, 2, 4, 31] }],
    },
    {
      name: 'every stage of a multi-stage build',
      code: 'FROM alpine:3.20 AS fetch\nADD https://example.com/a.tar.gz /tmp/\nFROM alpine:3.20\nADD https://example.com/b.tar.gz /tmp/\n',
      findings: [
        { message: download('https://example.com/a.tar.gz'), range: [1, 4, 1, 32] },
        { message: download('https://example.com/b.tar.gz'), range: [3, 4, 3, 32] },
      ],
    },
    {
      name: 'a Git source at a tag',
      code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src\n',
      findings: [{ message: clone('https://github.com/moby/buildkit.git#v0.16.0'), range: [1, 4, 1, 48] }],
    },
    {
      name: 'a Git source with no ref, over SSH',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true git@github.com:moby/buildkit.git /src\n',
      findings: [{ message: clone('git@github.com:moby/buildkit.git'), range: [1, 24, 1, 56] }],
    },
    {
      name: 'a short hex fragment could be a branch name',
      code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#2f1b0a9 /src\n',
      findings: [{ message: clone('https://github.com/moby/buildkit.git#2f1b0a9'), range: [1, 4, 1, 48] }],
    },
  ],
});
