import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/image-tag-latest', 'dockerfile', {
  valid: [
    { name: 'version tag', code: 'FROM node:22.11-alpine\n' },
    { name: 'digest without tag', code: 'FROM node@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
    { name: 'scratch', code: 'FROM scratch\n' },
    { name: 'earlier stage by name', code: 'FROM node:22 AS build\nFROM build\n' },
    { name: 'registry with port and tag', code: 'FROM localhost:5000/team/app:1.2.3\n' },
    { name: 'ARG default with a version', code: 'ARG NODE=22\nFROM node:${NODE}\n' },
    { name: 'ARG without default is unknown', code: 'ARG BASE\nFROM ${BASE}\n' },
  ],
  invalid: [
    { name: 'explicit latest', code: 'FROM node:latest\n', findings: [{ message: 'Base image node:latest uses the latest tag. Pin a version tag.', range: [0, 10, 0, 16] }] },
    { name: 'no tag', code: 'FROM ubuntu AS base\n', findings: [{ message: 'Base image ubuntu has no tag, so it means latest. Pin a version tag.', range: [0, 5, 0, 11] }] },
    {
      name: 'registry with port and no tag',
      code: 'FROM localhost:5000/team/app\n',
      findings: [{ message: 'Base image localhost:5000/team/app has no tag, so it means latest. Pin a version tag.', range: [0, 5, 0, 28] }],
    },
    {
      name: 'latest through an ARG default, CRLF',
      code: 'ARG TAG=latest\r\nFROM node:${TAG}\r\n',
      findings: [{ message: 'Base image node:latest uses the latest tag (node:${TAG} resolves to node:latest). Pin a version tag.', range: [1, 10, 1, 16] }],
    },
    {
      name: 'every stage is checked',
      code: 'FROM golang AS build\nFROM alpine:latest\n',
      findings: [
        { message: 'Base image golang has no tag, so it means latest. Pin a version tag.', range: [0, 5, 0, 11] },
        { message: 'Base image alpine:latest uses the latest tag. Pin a version tag.', range: [1, 12, 1, 18] },
      ],
    },
    {
      name: 'escape directive and a continuation inside FROM',
      code: '# escape=`\nFROM `\n  debian\n',
      findings: [{ message: 'Base image debian has no tag, so it means latest. Pin a version tag.', range: [2, 2, 2, 8] }],
    },
  ],
});
