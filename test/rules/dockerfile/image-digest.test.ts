import type { ValidCase } from '../../helpers/ruleTester';
import { testRule } from '../../helpers/ruleTester';

const on = { rules: { 'dockerfile/image-digest': 'warning' as const } };
const DIGEST = 'sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f';
const enabled = (cases: ValidCase[]): ValidCase[] => cases.map((c) => ({ ...c, settings: on }));

testRule('dockerfile/image-digest', 'dockerfile', {
  valid: [
    { name: 'off by default', code: 'FROM node:22\n' },
    ...enabled([
      { name: 'tag and digest', code: `FROM node:22-alpine@${DIGEST}\n` },
      { name: 'digest without a tag', code: `FROM node@${DIGEST}\n` },
      { name: 'registry, port, tag and digest', code: `FROM registry.example.com:5000/team/app:1.2@${DIGEST} AS base\n` },
      { name: 'digest through an ARG default', code: `ARG NODE_DIGEST=${DIGEST}\nFROM node:22@\${NODE_DIGEST}\n` },
      { name: 'whole reference through an ARG default', code: `ARG BASE=node:22@${DIGEST}\nFROM \${BASE}\n` },
      { name: 'ARG without a default is not judged', code: 'ARG BASE\nFROM ${BASE}\n' },
      { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
      { name: 'earlier stage by name', code: `FROM golang:1.23@${DIGEST} AS build\nFROM build\n` },
      { name: 'earlier stage by name in another case', code: `FROM golang:1.23@${DIGEST} AS Build\nFROM build AS test\n` },
      { name: '--platform flag', code: `FROM --platform=$BUILDPLATFORM node:22@${DIGEST}\n` },
    ]),
  ],
  invalid: [
    {
      name: 'tag only',
      code: 'FROM node:22-alpine\n',
      settings: on,
      findings: [{ message: 'Base image node:22-alpine is not pinned by digest. Pin it as node:22-alpine@sha256:<digest> so every build gets the same image.', range: [0, 5, 0, 19] }],
    },
    {
      name: 'no tag, behind a --platform flag',
      code: 'FROM --platform=linux/amd64 debian AS base\n',
      settings: on,
      findings: [{ message: 'Base image debian is not pinned by digest. Pin it as debian@sha256:<digest> so every build gets the same image.', range: [0, 28, 0, 34] }],
    },
    {
      name: 'its configured severity applies',
      code: 'FROM node:22\n',
      settings: { rules: { 'dockerfile/image-digest': 'error' } },
      findings: [{ message: 'Base image node:22 is not pinned by digest. Pin it as node:22@sha256:<digest> so every build gets the same image.', range: [0, 5, 0, 12] }],
    },
    {
      name: 'every stage, but not stage references or scratch',
      code: `FROM golang:1.23 AS build\nFROM build AS test\nFROM scratch\nFROM alpine:3.20@${DIGEST}\nFROM gcr.io/distroless/static-debian12:nonroot\n`,
      settings: on,
      findings: [
        { message: 'Base image golang:1.23 is not pinned by digest. Pin it as golang:1.23@sha256:<digest> so every build gets the same image.', range: [0, 5, 0, 16] },
        {
          message: 'Base image gcr.io/distroless/static-debian12:nonroot is not pinned by digest. Pin it as gcr.io/distroless/static-debian12:nonroot@sha256:<digest> so every build gets the same image.',
          range: [4, 5, 4, 46],
        },
      ],
    },
    {
      name: 'through an ARG default, CRLF',
      code: 'ARG NODE_VERSION=22\r\nFROM node:${NODE_VERSION}\r\n',
      settings: on,
      findings: [
        {
          message: 'Base image node:22 is not pinned by digest (node:${NODE_VERSION} resolves to node:22). Pin it as node:22@sha256:<digest> so every build gets the same image.',
          range: [1, 5, 1, 25],
        },
      ],
    },
    {
      name: 'escape directive and a continuation inside FROM',
      code: '# escape=`\nFROM `\n  # the base image\n  python:3.13-slim\n',
      settings: on,
      findings: [{ message: 'Base image python:3.13-slim is not pinned by digest. Pin it as python:3.13-slim@sha256:<digest> so every build gets the same image.', range: [3, 2, 3, 18] }],
    },
  ],
});
