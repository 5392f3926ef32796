// Material's search box and result list, answered from Pagefind's index of the page's language
// (build_scripts/site/search_index.py). Material starts this worker in place of its own one
// (the page's config names it, with the index as parameters) and speaks its usual protocol:
// SETUP -> READY, then QUERY (the text typed) -> RESULT (groups of {location, title, text,
// score, terms}: a page, then its sections).
//
// - Pagefind is loaded at the first query, not with the page: a reader who never searches
//   downloads nothing but this file.
// - Pagefind finds every form of a word (English and Russian stemming, ё as е), so a result
//   shows each typed word as found: Material's "missing" list is for words a page lacks.
// - Chinese: the query is cut into the index's words (chinese-words.json) by the route of
//   highest probability, as build_scripts/site/chinese_words.py cut the pages; digits and
//   Latin letters are split from Chinese ("2019年" is 2019 and 年).
"use strict";

(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's message types
  var SHOWN = 10;  // results listed, the best first (each one fetches its fragment)
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

  var params = new URL(self.location.href).searchParams;
  var root = new URL("../../../", self.location.href);  // the site root
  var bundle = new URL((params.get("index") || "") + "pagefind/", root).href;
  var language = params.get("language") || "en";
  var wordsFile = params.get("words");
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      var pagefind = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ basePath: bundle, baseUrl: root.pathname, excerptLength: 30 })
          .then(function () { return pagefind.init(language); })
          .then(function () { return pagefind; });
      });
      var words = wordsFile
        ? fetch(bundle + wordsFile).then(function (response) { return response.json(); })
        : Promise.resolve(null);
      engine = Promise.all([pagefind, words]);
      engine.catch(function () { engine = null; });  // try again at the next query
    }
    return engine;
  }

  // The most probable cut of a run of Chinese characters into the index's words.
  function route(run, vocabulary) {
    var n = run.length, words = vocabulary.words, logTotal = Math.log(vocabulary.total);
    var best = new Array(n + 1);
    best[n] = [0, n];
    for (var start = n - 1; start >= 0; start--) {
      var top = null;
      for (var end = start + 1; end <= Math.min(n, start + vocabulary.max); end++) {
        var word = run.slice(start, end);
        if (end - start > 1 && !(word in words)) continue;
        var score = Math.log(words[word] || 1) - logTotal + best[end][0];
        if (!top || score > top[0] || (score === top[0] && end > top[1])) top = [score, end];
      }
      best[start] = top;
    }
    var out = [];
    for (var at = 0; at < n; at = best[at][1]) out.push(run.slice(at, best[at][1]));
    return out;
  }

  function cut(query, vocabulary) {
    if (!vocabulary) return query;
    return query.replace(HAN, function (run) {
      return " " + route(run, vocabulary).join(" ") + " ";
    }).replace(/\s+/g, " ").trim();
  }

  // What the reader typed, word by word, without Material's query syntax (+word -word word*).
  function typedWords(query) {
    return query.replace(/[*+^~]/g, " ").split(/\s+/).filter(function (word) {
      return word && word.charAt(0) !== "-";
    });
  }

  // The Chinese index holds words apart ("人类-命运-共同体 的 理念"): join them again for
  // reading, across Pagefind's <mark> tags.
  var CJK = "[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’《》]";
  var MARKS = "((?:</?mark>)*)";
  var SPACE_AFTER = new RegExp("(" + CJK + ")" + MARKS + "\\s+" + MARKS, "g");
  var SPACE_BEFORE = new RegExp(MARKS + "\\s+" + MARKS + "(?=" + CJK + ")", "g");
  var HYPHEN = new RegExp("([\\u3400-\\u9fff])" + MARKS + "-" + MARKS + "(?=[\\u3400-\\u9fff])", "g");

  function readable(html) {
    if (!wordsFile || !html) return html || "";
    return html.replace(HYPHEN, "$1$2$3").replace(HYPHEN, "$1$2$3")
      .replace(SPACE_AFTER, "$1$2$3").replace(SPACE_BEFORE, "$1$2");
  }

  function group(data, score, terms) {
    var page = {
      location: new URL(data.url, root).href,
      title: readable(data.meta && data.meta.title),
      text: readable(data.excerpt),
      score: score,
      terms: terms
    };
    var sections = (data.sub_results || []).filter(function (section) {
      return section.url.indexOf("#") !== -1;
    }).map(function (section, i) {
      return {
        location: new URL(section.url, root).href,
        title: readable(section.title),
        text: readable(section.excerpt),
        score: score / (2 + i),
        terms: terms
      };
    });
    return [page].concat(sections);
  }

  function search(query, id) {
    var typed = typedWords(query);
    if (!typed.length) return Promise.resolve({ items: [] });
    return load().then(function (loaded) {
      var pagefind = loaded[0], vocabulary = loaded[1];
      return pagefind.search(cut(typed.join(" "), vocabulary)).then(function (found) {
        if (id !== latest || !found) return null;
        var results = found.results.slice(0, SHOWN);
        return Promise.all(results.map(function (result) { return result.data(); }))
          .then(function (pages) {
            // Every result holds a form of every word typed (Pagefind finds pages with all).
            var terms = {};
            typed.forEach(function (word) { terms[word] = true; });
            return {
              items: pages.map(function (data, i) {
                return group(data, results[i].score, terms);
              })
            };
          });
      });
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) {
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var id = ++latest;
      search(String(message.data || ""), id).then(function (result) {
        if (result && id === latest) self.postMessage({ type: RESULT, data: result });
      }, function (error) {
        console.error("search:", error);
        if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
      });
    }
  });
})();
