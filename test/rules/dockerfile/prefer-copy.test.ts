import { testRule } from '../../helpers/ruleTester';

const MESSAGE = 'ADD only copies local files here. Use COPY, which cannot download URLs or unpack archives by surprise.';
const toCopy = (output: string) => [{ title: 'Replace ADD with COPY', kind: 'safe' as const, output }];

testRule('dockerfile/prefer-copy', 'dockerfile', {
  valid: [
    { name: 'COPY', code: 'FROM alpine:3.20\nCOPY . /app\n' },
    { name: 'an HTTP download', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.bin /usr/local/bin/tool\n' },
    { name: 'a Git repository', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src\nADD git@github.com:moby/buildkit.git /src2\n' },
    { name: 'tar archives, any case', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD vendor.tgz /vendor/\nADD DATA.TAR.XZ /data/\nADD bundle.tar /opt/\nADD tools.tar.zst /opt/\n' },
    { name: 'a compressed file may be an archive', code: 'FROM alpine:3.20\nADD dump.bz2 /tmp/\n' },
    { name: 'a local archive beside a plain file', code: 'FROM alpine:3.20\nADD app.conf rootfs.tar.gz /\n' },
    { name: 'a wildcard that could match an archive', code: 'FROM alpine:3.20\nADD dist/* /app/\nADD release-?.* /opt/\n' },
    { name: 'a source in a variable', code: 'FROM alpine:3.20\nARG SRC=app.tar.gz\nADD $SRC /app/\n' },
    { name: 'a half-typed ADD without a destination', code: 'FROM alpine:3.20\nADD\n' },
  ],
  invalid: [
    {
      name: 'a local directory',
      code: 'FROM alpine:3.20\nADD . /app\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCOPY . /app\n') }],
    },
    {
      name: 'several local files, flags kept',
      code: 'FROM nginx:1.27\nADD --chown=nginx:nginx --chmod=644 --link nginx.conf mime.types /etc/nginx/\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM nginx:1.27\nCOPY --chown=nginx:nginx --chmod=644 --link nginx.conf mime.types /etc/nginx/\n') }],
    },
    {
      name: 'lower-case keyword stays lower-case',
      code: 'from alpine:3.20\nadd app.py /srv/\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('from alpine:3.20\ncopy app.py /srv/\n') }],
    },
    {
      name: 'capitalised keyword stays capitalised',
      code: 'FROM alpine:3.20\nAdd app.py /srv/\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCopy app.py /srv/\n') }],
    },
    {
      name: 'a zip file: ADD does not unpack it',
      code: 'FROM alpine:3.20\nADD site.zip /srv/\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCOPY site.zip /srv/\n') }],
    },
    {
      name: 'a wildcard with a plain extension',
      code: 'FROM alpine:3.20\nADD config/*.yaml /etc/app/\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCOPY config/*.yaml /etc/app/\n') }],
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nADD ["my file.txt", "/data/"]\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCOPY ["my file.txt", "/data/"]\n') }],
    },
    {
      name: 'exec form with an archive is left alone, a plain one is not',
      code: 'FROM alpine:3.20\nADD ["rootfs.tar.gz", "/"]\nADD ["app.conf", "/etc/"]\n',
      findings: [{ message: MESSAGE, range: [2, 0, 2, 3], fixes: toCopy('FROM alpine:3.20\nADD ["rootfs.tar.gz", "/"]\nCOPY ["app.conf", "/etc/"]\n') }],
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nwelcome.tar.gz\nEOF\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\nCOPY <<EOF /etc/motd\nwelcome.tar.gz\nEOF\n') }],
    },
    {
      name: 'CRLF',
      code: 'FROM alpine:3.20\r\nADD app.py /srv/\r\nCMD ["python", "/srv/app.py"]\r\n',
      findings: [{ message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM alpine:3.20\r\nCOPY app.py /srv/\r\nCMD ["python", "/srv/app.py"]\r\n') }],
    },
    {
      name: 'escape directive, continuation and a comment line inside it',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nADD `\n  # the app\n  app.exe C:\\app\\\n',
      findings: [{ message: MESSAGE, range: [2, 0, 2, 3], fixes: toCopy('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY `\n  # the app\n  app.exe C:\\app\\\n') }],
    },
    {
      name: 'every stage of a multi-stage build',
      code: 'FROM golang:1.23 AS build\nADD go.mod go.sum ./\nFROM alpine:3.20\nADD --chown=10001 config.json /etc/app/\n',
      findings: [
        { message: MESSAGE, range: [1, 0, 1, 3], fixes: toCopy('FROM golang:1.23 AS build\nCOPY go.mod go.sum ./\nFROM alpine:3.20\nADD --chown=10001 config.json /etc/app/\n') },
        { message: MESSAGE, range: [3, 0, 3, 3], fixes: toCopy('FROM golang:1.23 AS build\nADD go.mod go.sum ./\nFROM alpine:3.20\nCOPY --chown=10001 config.json /etc/app/\n') },
      ],
    },
    {
      name: 'no fix when a flag only ADD accepts is present',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true src /src\nADD --unpack=false notes.txt /srv/\n',
      findings: [
        { message: MESSAGE, range: [1, 0, 1, 3] },
        { message: MESSAGE, range: [2, 0, 2, 3] },
      ],
    },
  ],
});
