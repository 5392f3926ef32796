#!/usr/bin/env node
// Formats CSL-JSON items with citeproc-js, the CSL processor of Zotero.
//
// stdin:  {"style": "<path to .csl>", "locales": {"en-US": "<path>", ...}, "lang": "zh-CN",
//          "items": [<CSL-JSON item>, ...], "separately": false}
// stdout: [{"id", "html", "text"}, ...]
//   separately false: one bibliography, in the order the style sorts it;
//   separately true:  each item formatted as if it were the only one, in the order given
//                     (no "2019a" year suffix, no number from its neighbours).
// Errors: a message on stderr and exit status 1.
//
// Sorting: citeproc-js compares sort keys with String.prototype.localeCompare in the engine's
// language, so Node's ICU collation applies (pinyin for zh-CN, the Cyrillic alphabet for ru-RU).
"use strict";

const fs = require("fs");
const CSL = require("citeproc");

function fail(message) {
  process.stderr.write(`cite.js: ${message}\n`);
  process.exit(1);
}

function readText(path, what) {
  try {
    return fs.readFileSync(path, "utf8");
  } catch (error) {
    fail(`cannot read the ${what} ${path}: ${error.message}`);
  }
}

function checkRequest(request) {
  for (const key of ["style", "locales", "lang", "items"]) {
    if (!(key in request)) fail(`the request has no "${key}"`);
  }
  if (!Array.isArray(request.items)) fail('"items" must be a list of CSL-JSON items');
  return request;
}

function readRequest() {
  try {
    return JSON.parse(fs.readFileSync(0, "utf8"));
  } catch (error) {
    fail(`the request on stdin is not JSON: ${error.message}`);
  }
}

function itemsById(items) {
  const byId = new Map();
  for (const item of items) {
    if (typeof item.id !== "string" || !item.id) {
      fail(`an item has no string id: ${JSON.stringify(item)}`);
    }
    if (byId.has(item.id)) fail(`two items have the id "${item.id}"`);
    byId.set(item.id, item);
  }
  return byId;
}

function makeEngine(request, retrieveItem) {
  const locales = {};
  for (const [lang, path] of Object.entries(request.locales)) {
    locales[lang] = readText(path, `${lang} locale`);
  }
  const sys = {
    retrieveLocale: (lang) => locales[lang],
    retrieveItem,
  };
  const styleXml = readText(request.style, "style");
  // The fourth argument forces the language: the style's own default-locale does not win.
  return new CSL.Engine(sys, styleXml, request.lang, true);
}

// The entries of one bibliography as {id, html, text}, in the style's order. A lone item has
// nothing to be sorted against: the registry skips sorting it (half the time of an entry).
function formatBibliography(engine, ids) {
  engine.updateItems(ids, ids.length === 1);
  engine.setOutputFormat("html");
  const [htmlMeta, htmlEntries] = engine.makeBibliography();
  engine.setOutputFormat("text");
  const [textMeta, textEntries] = engine.makeBibliography();
  const order = htmlMeta.entry_ids.map((entry) => entry[0]);
  const textOrder = textMeta.entry_ids.map((entry) => entry[0]);
  if (order.join("\n") !== textOrder.join("\n")) {
    fail("the html and text bibliographies differ in order");
  }
  return order.map((id, i) => ({
    id,
    html: stripEntryDiv(htmlEntries[i]),
    text: textEntries[i].trim(),
  }));
}

// '<div class="csl-entry">…</div>\n' -> '…'
function stripEntryDiv(html) {
  const match = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/.exec(html);
  if (!match) fail(`unexpected html entry from citeproc-js: ${html}`);
  return match[1].trim();
}

function format(request, engines) {
  const byId = itemsById(request.items);
  const ids = [...byId.keys()];
  // An engine parses its style once (a second for Chicago's 4,000 lines): jobs with the same
  // style and language share it, each job showing it its own items. A job without items only
  // prepares the engine (the build asks for that while it validates the data).
  const key = `${request.style}\n${request.lang}`;
  if (!engines.has(key)) engines.set(key, { items: null, engine: null });
  const shared = engines.get(key);
  shared.items = byId;
  if (!shared.engine) shared.engine = makeEngine(request, (id) => shared.items.get(id));
  if (ids.length === 0) return [];
  const engine = shared.engine;
  // The engine keeps every item it has formatted, by id: an item that comes back changed (an
  // edited record in `mkdocs serve`) would be formatted as it was. Empty its registry first.
  if (!shared.seen) shared.seen = new Map();
  let changed = false;
  for (const [id, item] of byId) {
    const text = JSON.stringify(item);
    if (shared.seen.has(id) && shared.seen.get(id) !== text) changed = true;
    shared.seen.set(id, text);
  }
  if (changed) engine.updateItems([]);
  if (!request.separately) return formatBibliography(engine, ids);
  return ids.map((id) => withoutNumber(formatBibliography(engine, [id])[0]));
}

// A numbered style (GOST) numbers even a lone entry: "1. Title …". Cited alone, it has no
// number.
function withoutNumber(entry) {
  const number = /^\s*1\.\s+/;
  return { id: entry.id, html: entry.html.replace(number, ""), text: entry.text.replace(number, "") };
}

function answer(input, engines) {
  return Array.isArray(input.jobs)
    ? input.jobs.map((job) => format(checkRequest(job), engines))
    : format(checkRequest(input), engines);
}

// One request on stdin (one request, or {"jobs": [request, ...]} for several), its result on
// stdout (or the list of results, in the order of the jobs).
function main() {
  let result;
  try {
    result = answer(readRequest(), new Map());
  } catch (error) {
    fail(`citeproc-js failed: ${error && error.stack ? error.stack : error}`);
  }
  process.stdout.write(JSON.stringify(result));
}

// With --serve: one request per line on stdin, one result per line on stdout, until stdin
// closes. Styles stay parsed between requests, so a rebuild does not pay for them again.
function serve() {
  // stdout carries the answers only: any diagnostics of citeproc-js go to stderr.
  console.log = console.info = console.warn = console.error;
  const engines = new Map();
  const lines = require("readline").createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    let result;
    try {
      result = answer(JSON.parse(line), engines);
    } catch (error) {
      fail(`citeproc-js failed: ${error && error.stack ? error.stack : error}`);
    }
    process.stdout.write(JSON.stringify(result) + "\n");
  });
}

if (process.argv.includes("--serve")) serve();
else main();
