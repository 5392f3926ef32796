// Wraps Material's search worker (its file name arrives as ?material=...) for our per-language
// indexes, whose pipelines stem words (build_scripts/search_index.py):
//
// 1. Material appends "*" to every query term for search-as-you-type, and lunr skips the
//    stemmer for such terms, so "сотрудничества*" would miss the stemmed index term
//    "сотрудничеств". Here a trailing-wildcard term is stemmed by the index's own search
//    pipeline first: "сотрудничества*" -> "сотрудничеств*", which finds every form.
// 2. ё and е are one letter for search: both the index documents and the query are read with
//    ё as е (what the reader sees keeps its ё).
"use strict";

(function () {
  var SETUP = 0, QUERY = 2;  // Material's message types

  function plain(text) {
    return typeof text === "string" ? text.replace(/ё/g, "е").replace(/Ё/g, "Е") : text;
  }

  function rewrite(message) {
    if (!message || typeof message !== "object") return message;
    if (message.type === QUERY) return { type: QUERY, data: plain(message.data) };
    if (message.type === SETUP && message.data && message.data.docs) {
      var docs = message.data.docs.map(function (doc) {
        return Object.assign({}, doc, { title: plain(doc.title), text: plain(doc.text) });
      });
      return { type: SETUP, data: Object.assign({}, message.data, { docs: docs }) };
    }
    return message;
  }

  // Material listens with addEventListener("message"): give its listener rewritten messages.
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(type, function (event) {
      return listener.call(self, { data: rewrite(event.data) });
    }, options);
  };

  var material = new URL(self.location.href).searchParams.get("material");
  importScripts(new URL(material, self.location.href).href);

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        var term = clause.term;
        var stem = /^[^*]+\*$/.test(term) && pipeline.runString(term.slice(0, -1))[0];
        if (stem) clause.term = stem + "*";
      });
    });
  };
})();
