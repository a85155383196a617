"""Expected parse results for real export files, established by reading each file by hand."""

from __future__ import annotations

from typing import Any

# Conventions used below
# - Keys of REAL_EXPECTATIONS are file names inside /work/shared/corpus/real/.
# - A key that is absent from an entry means "not checked" (left out on purpose
#   because the rules do not settle it; see the comment above that entry).
# - "highlights" counts distinct highlights after merging identical texts
#   (identical = same highlight text, location link ignored, no whitespace
#   normalisation: a U+00A0 vs U+0020 difference makes two texts different).
# - "notes" counts highlights that carry a note.
# - "sections" lists the distinct section headings that actually contain
#   highlights, in file order (chapter headings with no highlight under them
#   are not listed).
# - "first_location" is written with an ordinary space; in the file the space
#   after "Location" is U+00A0.

REAL_EXPECTATIONS: dict[str, dict[str, Any]] = {
    # 8 "###### ^<id>q" headings, each followed by one highlight paragraph (8 "##### ^<id>" blocks, all distinct);
    # one note: the "[[Voodoo has it's roots in West Africa]]" paragraph between Goto: and the first ######.
    # author left out: only "**Creator**:: [[grief rituals]]", which is not one of the author keys in the rules.
    # url left out: only "**Source**:: [..](https://joincake.com/blog/ancestor-worship)", not a URL key in the rules.
    # category from YAML "type: - articles"; tags = YAML comma string.
    "aaronbopp__articles - 12 Types of Ancestor Worship From Around the World  Cake Blog.md": {
        "title": "12 Types of Ancestor Worship From Around the World | Cake Blog",
        "author": "grief rituals",  # `**Creator**::` is the author field of this template
        "url": "https://joincake.com/blog/ancestor-worship",  # the link in `**Source**::`
        "category": "articles",
        "tags": ["created/2022/02/24", "node/source/articles"],
        "highlights": 8,
        "notes": 1,
        "first_highlight_starts": "The Vodun religion found in West African nations",
    },
    # 115 "###### ^<id>q" headings (= 115 "##### ^<id>" = 115 "Goto:" lines), 115 distinct texts; ### / #### are chapters.
    # notes left out: 20 plain-text paragraphs sit between Goto: and ###### (e.g. "bad assumption", "#TO/EXPLORE/READ"),
    # not [[wikilink]] paragraphs, so ambiguous. author left out (only **Creator**:: [[David Graeber]]).
    # url: none anywhere (Goto: lines are Kindle links, **Source**:: is a wikilink) -> None.
    "aaronbopp__books - The Dawn of Everything.md": {
        "title": "The Dawn of Everything",
        "author": "David Graeber",  # `**Creator**::` is the author field of this template
        "category": "books",
        "url": None,
        "tags": ["created/2022/03/17", "node/source/books"],
        "highlights": 115,
        "first_highlight_starts": "This mood makes itself felt everywhere",
    },
    # 15 top-level "- " bullets under ## Highlights (metadata lines are not bullets); no Note lines;
    # "#### Rule N" headings are sections (Rules 2, 5 and 11 have no highlight).
    "ammarhusain__12 Rules for Life by Jordan Peterson.md": {
        "title": "12 Rules for Life by Jordan Peterson",
        "author": "Shortform",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 15,
        "notes": 0,
        "first_highlight_starts": "The neurotransmitter serotonin is thought",
        "sections": [
            "Rule 1: Fix Your Posture - Others Will Treat You with More Respect",
            "Rule 3: Surround Yourself with People Who Want You to Succeed",
            "Rule 4: Judge Yourself by Your Own Goals, Not by Others\u2019",
            "Rule 6: Think: Have I Done Everything Within My Ability?",
            "Rule 7: Do What is Meaningful, and You Will Feel Better About Existing",
            "Rule 8: Act Only in Line With Your Personal Truth - Stop Lying",
            "Rule 9: Listen to Other People Thoughtfully - You\u2019ll Learn Something",
            "Rule 10: Define Your Problem Specifically - It Becomes Easier to Deal With",
            "Rule 12: Take Time to Indulge in Little Bits of Goodness",
        ],
    },
    # 1 top-level "- " bullet under ## Highlights (multi-line, numbered-list continuation); ## Full Document is not a highlight.
    "armitd__Building a Second Brain.md": {
        "title": "Building a Second Brain",
        "author": "Tiago Forte",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "How PARA Works: Priming Your Mind",
    },
    # 1 top-level "- " bullet under ## Highlights.
    "armitd__How Your Brain Is Wired-2.md": {
        "title": "How Your Brain Is Wired",
        "author": "Crawford Hollingworth",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "A disconcerting 95 per cent",
    },
    # 2 top-level "- " bullets under ## Highlights (lines 12 and 114; everything between is 2-space continuation).
    "armitd__Tweets from Robin Delta.md": {
        "title": "Tweets from Robin Delta",
        "author": "@heyrobinai on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/heyrobinai",
        "tags": [],
        "highlights": 2,
        "notes": 0,
        "first_highlight_starts": "Copy-paste these 50 ChatGPT prompts",
    },
    # 3 top-level "- " bullets under ## Highlights ([Location N](readwise.io/open/..) ^rw.. without parens).
    # title from callout ">Title::"; Readwise-Link:: is not the URL -> None; Readwise-Source hashtag is not a tag.
    "claudesidian__10% Happier by Dan Harris Highlights.md": {
        "title": "10% Happier",
        "author": "Dan Harris",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 3,
        "notes": 0,
        "first_highlight_starts": "meditation is simply exercise for your brain.",
    },
    # 1 top-level "- " highlight; the following "- See also: [[retrieval augmented generation]] " bullet is the
    # template's rendering of highlight tags, not a highlight. Title: ">Title::" value with its CR+LF + leading
    # space collapsed to ONE space. Document tag from ">Document-Tags::".
    "claudesidian__[Upcoming Event] Turbocharge Your RAG Applications with Powerful \u2014 RAG Analytics by DeepLearning.AI Highlights.md": {
        "title": "[Upcoming Event] Turbocharge Your RAG Applications with Powerful RAG Analytics",
        "author": "DeepLearning.AI",
        "category": "articles",
        "url": None,
        "tags": ["retrieval augmented generation"],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "RAG (Retrieval-Augmented Generation) has emerged",
    },
    # 1 TAB-indented child of "- Highlights first synced by"; no url:: property.
    "ferparra-logseq__%22Conan O'Brien%22 (highlights).md": {
        "title": '"Conan O\'Brien"',
        "author": "Will Arnett, Jason Bateman, Sean Hayes",
        "category": "podcasts",
        "url": None,
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "You like being alone, or do you like",
    },
    # 1 TAB-indented child (multi-paragraph, TAB+2-space continuation lines incl. blank ones).
    "ferparra-logseq__10 Lessons on Bootstrapping a $200m Business %7C Patrick Campbell (highlights).md": {
        "title": "10 Lessons on Bootstrapping a $200m Business | Patrick Campbell",
        "author": "Lenny's Podcast: Product | Growth | Career",
        "category": "podcasts",
        "url": "https://share.snipd.com/episode/1cc46cc2-5cc9-4877-8a2a-82241bb4d3e6",
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "Curse on first principles, how to use them",
    },
    # 3 TAB-indented children of "- Highlights first synced by"; the "- ![](..)" cover block is not a highlight.
    "ferparra-logseq__Antifragile (highlights).md": {
        "title": "Antifragile",
        "author": "Nassim Nicholas Taleb",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 3,
        "notes": 0,
        "first_highlight_starts": "work on the maximum, spend the rest",
    },
    # 65 TAB-indented "\t- " children of the synced/new-highlights blocks; 2 exact repeats (lines 101=158
    # "**What is beauty?**...", 111=162 "Growth is the finest...") -> 63. Lines 115/118 and 120/121 look
    # alike but differ by U+00A0 vs space, so they stay distinct (61 if a parser folds NBSP into spaces).
    # 23 "\t\t- **Note**:" lines, each under a different highlight (the merged repeats keep their note).
    "ferparra-logseq__The Story of Philosophy (highlights).md": {
        "title": "The Story of Philosophy",
        "author": "wikipedia.org",
        "category": "articles",
        "url": "https://en.wikipedia.org/wiki/The_Story_of_Philosophy",
        "tags": ["books", "philosophy", "@will-durant"],
        # 4 passages were highlighted twice, each time with its own View Highlight id (and one of each
        # pair carries a note): distinct highlights, so 65; only same text and same id is one highlight.
        "highlights": 65,
        "notes": 23,
        "first_highlight_starts": "***The Story of Philosophy: The Lives and Opinions",
    },
    # 1 TAB-indented child of "- Highlights first synced by".
    "ferparra-logseq__Tweets From %22Agile Otter%22 Tim Ottinger (highlights).md": {
        "title": 'Tweets From "Agile Otter" Tim Ottinger',
        "author": "@tottinge on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/tottinge",
        "tags": [],
        "highlights": 1,
        "notes": 0,
    },
    # 17 top-level "- " bullets under ## Highlights; one "    - Note:".
    "flowershow__Atomic Habits.md": {
        "title": "Atomic Habits",
        "author": "James Clear",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 17,
        "notes": 1,
        "first_highlight_starts": "Despite my lackluster",
        "first_location": "Location 134",
    },
    # 2 top-level "- " bullets under ## Highlights (Snipd: title/Summary/Transcript as 2-space continuation).
    "flowershow__The Cues That Make You Charismatic.md": {
        "title": "The Cues That Make You Charismatic",
        "author": "The Art of Manliness",
        "category": "podcasts",
        "url": "https://share.snipd.com/episode/8fc9c055-4590-4b5c-bab5-869afa4b72f1",
        "tags": [],
        "highlights": 2,
        "notes": 0,
        "first_highlight_starts": "The Secret Language of Carismatic Communication",
    },
    # 1 top-level "- " bullet under ## Highlights.
    "flowershow__Tweets From Nick Babich.md": {
        "title": "Tweets From Nick Babich",
        "author": "@101babich on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/101babich",
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "Color scale generator",
    },
    # 109 top-level "- " bullets under ## Highlights (112 minus 3 metadata), no repeats; one "    - Note:";
    # one "    - Tags: [[favorite]]" (highlight tag, not a document tag).
    "flowershow__\u5de8\u4eba\u7684\u5de5\u5177.md": {
        "title": "\u5de8\u4eba\u7684\u5de5\u5177",
        "author": "\u8482\u59c6\u00b7\u8d39\u91cc\u65af",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 109,
        "notes": 1,
    },
    # 30 top-level "- " bullets after the H1 (no ## Highlights header), no Note lines.
    # tags: "tags: #readwise-books" recovered as the tag. category left out: only the tag says
    # "readwise-books", and tags are not a category source in the rules.
    "hantianjz__27477016-Indistractable-readwise-hl.md": {
        "title": "Indistractable",
        "category": "books",  # last resort: the `readwise-books` tag names it
        "author": "Nir Eyal",
        "url": None,
        "tags": ["readwise-books"],
        "highlights": 30,
        "notes": 0,
        "first_highlight_starts": "\u201cWhen you invent the ship, you also invent the shipwreck.\u201d",
        "first_location": "Location 181",
    },
    # 4 top-level "- " bullets after ## Summary (no ## Highlights header); YAML invalid ("author: Paul Graham: Essays").
    # url = bare URL line under the H1 (YAML link: holds wikilinks, not a URL). category left out (only the tag).
    "hantianjz__30005318-How-to-Do-Great-Work-readwise-hl.md": {
        "title": "How to Do Great Work",
        "category": "articles",  # last resort: the `readwise-articles` tag names it
        "author": "Paul Graham: Essays",
        "url": "http://www.paulgraham.com/greatwork.html",
        "tags": ["readwise-articles"],
        "highlights": 4,
        "notes": 0,
        "first_highlight_starts": "Four steps: choose a field",
    },
    # 4 top-level "- " bullets after ## Summary; YAML author split over 3 lines, joined with single spaces.
    # url = bare URL line under the H1. category left out (only the tag).
    "hantianjz__35813560-Use-Strategic-Thinking-to-Create-the-Life-You-Want-readwise-hl.md": {
        "title": "Use Strategic Thinking to Create the Life You Want",
        "category": "articles",  # last resort: the `readwise-articles` tag names it
        "author": "Rainer Strack, Susanne Dyrchs, Allison Bailey",
        "url": "https://hbr.org/2023/12/use-strategic-thinking-to-create-the-life-you-want/",
        "tags": ["readwise-articles"],
        "highlights": 4,
        "notes": 0,
        "first_highlight_starts": "I\u2019ve concluded that the metric",
    },
    # 30 top-level "- " bullets (body identical to the 27477016 file after the literal "None" line).
    # author is the slugified YAML value as written. category left out (only the tag).
    "hantianjz__trash3-27477016-Indistractable-readwise-hl.md": {
        "title": "Indistractable",
        "category": "books",  # last resort: the `readwise-books` tag names it
        "author": "Nir-Eyal",
        "url": None,
        "tags": ["readwise-books"],
        "highlights": 30,
        "notes": 0,
        "first_highlight_starts": "\u201cWhen you invent the ship, you also invent the shipwreck.\u201d",
    },
    # 1106 top-level "- " lines minus 3 metadata = 1103 highlights (= 1103 "(Location N)"), no repeated text;
    # 78 "    - Note:" lines, each under a different highlight. H1 wikilink unwrapped.
    "jaspitta__12 Rules for Life an Antidote to Chaos - Jordan B. Peterson.md": {
        "title": "12 Rules for Life an Antidote to Chaos - Jordan B. Peterson",
        "author": "Jordan B. Peterson",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 1103,
        "notes": 78,
        "first_highlight_starts": "But the story of the golden calf",
        "first_location": "Location 53",
    },
    # 16 top-level "- " lines minus 3 metadata = 13 (1 under ## Highlights + 4 + 8 in two "New highlights" sections).
    "jaspitta__Delitto E Castigo.md": {
        "title": "Delitto E Castigo",
        "author": "F\u00ebdor Dostoevskij",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 13,
        "notes": 0,
    },
    # 168 top-level "- " lines minus 5 metadata = 163; ###/####/##### PDF headings are not highlights;
    # "- Note thatyou can't add..." (line 132) is a highlight whose text starts with "Note that", not a note.
    "jaspitta__MST124 Unit 5.md": {
        "title": "MST124 Unit 5",
        "author": "The Open University",
        "category": "articles",
        "url": "https://readwise.io/reader/document_raw_content/239810896",
        "tags": [],
        "highlights": 163,
        "notes": 0,
        "first_highlight_starts": "The use of equationsand the coordinates",
    },
    # 42 top-level "- " lines minus 5 metadata (Author, Full Title, Category, Document Note, Summary) = 37;
    # 15 "    - Note:" lines, each under a different highlight.
    "jaspitta__Platone, C'ho L'ansia..md": {
        "title": "Platone, C'ho L'ansia.",
        "author": "Benedetta Santini",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 37,
        "notes": 15,
        "first_highlight_starts": "Meno conosciamo noi stessi",
    },
    # 32 top-level "- " bullets under ## Highlights; one "    - Note:". YAML Author is the vault owner (ignored).
    # tags: YAML Tags ["#Type/Highlight/Article"] then "- Document Tags: [[content-creation]] [[development]]".
    "jimbrig__How Developers Can Level Up by Creating Content.md": {
        "title": 'How Developers Can "Level Up" by Creating Content',
        "author": "Remote Dev Diary by Invide",
        "category": "articles",
        "url": "https://blog.invidelabs.com/career-talk-leveling-up-as-a-dev-with-content-creation/",
        "tags": ["content-creation", "development"],  # the category tag is not repeated as a tag
        "highlights": 32,
        "notes": 1,
        "first_highlight_starts": 'How developers can "level up" by creating content',
    },
    # 1 top-level "- " bullet in the only "## New highlights added" section; no title/metadata -> file name.
    "jimbrig__Liked Tweets.md": {
        "title": "Liked Tweets",
        "author": None,
        "category": "tweets",  # from the export folder Readwise/Tweets/
        "url": None,
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "@Rainmaker1973: Richard Feynman's Lectures",
    },
    # 12 top-level "- " bullets under ## Highlights, no notes; YAML Author is the vault owner (ignored).
    "jimbrig__VBA to R and Back Again Running R From VBA Pt 2.md": {
        "title": "VBA to R and Back Again: Running R From VBA Pt 2",
        "author": "Steven P. Sanderson II, MPH",
        "category": "articles",
        "url": "https://www.spsanderson.com/steveondata/posts/rtip-2023-05-10/",
        "tags": [],  # `#Type/Highlight/Article` is the category, not a tag
        "highlights": 12,
        "notes": 0,
        "first_highlight_starts": "First, let\u2019s look at the Function",
    },
    # 2 top-level "- " bullets under ## Highlights; one "    - Note:". The bare "#media" line is not a listed
    # tag carrier. category left out: only the YAML tag "articles" says it (tags are not a category source).
    "joeyscave__4\u592941\u4e07\u6d4f\u89c8\uff0c\u4e00\u7bc7\u975e\u5178\u578b\u5c0f\u7ea2\u4e66\u7b14\u8bb0\u7684\u62c6\u89e3.md": {
        "title": "4\u592941\u4e07\u6d4f\u89c8\uff0c\u4e00\u7bc7\u975e\u5178\u578b\u5c0f\u7ea2\u4e66\u7b14\u8bb0\u7684\u62c6\u89e3",
        "author": "\u8001\u4ed8\u8bf4\u8fd0\u8425",
        "url": "https://www.woshipm.com/operate/5913844.html",
        "tags": ["readwise", "articles", "media"],  # plus the bare `#media` line under the cover
        "highlights": 2,
        "notes": 1,
    },
    # 1 top-level "- " bullet (image-only highlight). category left out (only the YAML tag "books").
    "joeyscave__System Design Interview \u2013 An Insider's Guide.md": {
        "title": "System Design Interview \u2013 An Insider's Guide",
        "author": "Alex Xu",
        "url": None,
        "tags": ["readwise", "books"],
        "highlights": 1,
        "notes": 0,
    },
    # 140 top-level "- " lines minus 3 metadata = 137, no repeats; 3 "    - Note:" (one with 6-space continuation).
    # Author kept verbatim with its trailing ";".
    "laztaxon__Choosing a Focused Life in a Noisy World.md": {
        "title": "Choosing a Focused Life in a Noisy World",
        "author": "Cal Newport",  # the stray `;` after the name is dropped
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 137,
        "notes": 3,
        "first_highlight_starts": "They honestly think there is no choice left.",
    },
    # 12 top-level "- " lines minus 5 metadata = 7; 3 "    - Note:" (one preceded by "    - Tags: [[react]]").
    "laztaxon__Quick Start.md": {
        "title": "Quick Start",
        "author": "react.dev",
        "category": "articles",
        "url": "https://react.dev/learn",
        "tags": [],
        "highlights": 7,
        "notes": 3,
        "first_highlight_starts": "Creating and nesting components",
    },
    # 13 top-level "- " lines minus 6 metadata (incl. Document Note, Summary) = 7; no highlight notes
    # (the "- Document Note:" is a document note).
    "laztaxon__The Dawn of LMMs.md": {
        "title": "The Dawn of LMMs",
        "author": "Microsoft Corporation - Zhengyuan Yang\u2217, Linjie Li\u2217, Kevin Lin\u2217, Jianfeng Wang\u2217, Chung-Ching Lin\u2217, Zicheng Liu, Lijuan Wang\u2217",
        "category": "articles",
        "url": "https://readwise.io/reader/document_raw_content/99487354",
        "tags": [],
        "highlights": 7,
        "notes": 0,
        "first_highlight_starts": "Abstract",
    },
    # 1 "### " heading highlight. Title is the YAML title VERBATIM (the rules strip " (highlights)" only from
    # Logseq title:: and file names); "## Full Title::" says "Tweets From 小众软件".
    "luseshiwu__Tweets From \u5c0f\u4f17\u8f6f\u4ef6 (highlights).md": {
        "title": "Tweets From \u5c0f\u4f17\u8f6f\u4ef6",  # Logseq `pages/` title: suffix removed
        "author": "@appinn on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/appinn",
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "Everything Toolbar",
    },
    # 1 "### " heading highlight (its second line is unindented continuation); "#### **Tags**: #[[hh]]" is a
    # highlight tag. Title = YAML title verbatim (see previous entry).
    "luseshiwu__https_--www.keepass.com.cn-faq-config-2150.html (highlights).md": {
        "title": "https://www.keepass.com.cn/faq/config/2150.html",  # Logseq `pages/` title: suffix removed
        "author": "keepass.com.cn",
        "category": "articles",
        "url": "https://www.keepass.com.cn/faq/config/2150.html",
        "tags": [],
        "highlights": 1,
        "notes": 0,
    },
    # 17 top-level "- " lines minus 4 metadata = 13 tweets of the thread.
    "markoooooooo__How to Fix Your Shit (Al....md": {
        "title": "How to Fix Your Shit (Al...",
        "author": "@EgoDriv on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/EgoDriv/status/1591036055159177223",
        "tags": [],
        "highlights": 13,
        "notes": 0,
        "first_highlight_starts": "How to Fix Your Shit (All of It), On Your Own.",
    },
    # 340 top-level "- " lines minus 3 metadata = 337 (one "## Highlights" + four "New highlights" sections),
    # no repeated text, no Note lines ("    - Tags: [[pink]]"/"[[blue]]" are highlight tags).
    "markoooooooo__Mastering the Core Teachings of the Buddha.md": {
        "title": "Mastering the Core Teachings of the Buddha",
        "author": "Daniel Ingram",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 337,
        "notes": 0,
        "first_highlight_starts": "The essential point about meditation is this",
    },
    # 1 top-level "- " bullet (text line + image continuation line).
    "markoooooooo__Tweets From \U0001d5d6\U0001d5f5\U0001d5f6\U0001d5f2\U0001d5f3.md": {
        "title": "Tweets From \U0001d5d6\U0001d5f5\U0001d5f6\U0001d5f2\U0001d5f3",
        "author": "@chiefguides on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/chiefguides",
        "tags": [],
        "highlights": 1,
        "notes": 0,
        "first_highlight_starts": "To appreciate your woman",
    },
    # 9 top-level "- " bullets, each followed by a "   " whitespace-only line; **Source:** hashtags -> category only.
    "paulthompson__12 Tips for the Work-At-Home Ninja.md": {
        "title": "12 Tips for the Work-At-Home Ninja",
        "author": "Tammy Coron",
        "category": "articles",
        "url": "https://www.creativebloq.com/career/tips-work-at-home-51514979",
        "tags": [],
        "highlights": 9,
        "notes": 0,
        "first_highlight_starts": "When designing your workspace",
    },
    # 32 top-level "- " bullets, no repeats, no notes; "**Source:** #books #kindle #readwise".
    "paulthompson__A Practical Guide to Information Architecture.md": {
        "title": "A Practical Guide to Information Architecture",
        "author": "Donna Spencer",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 32,
        "notes": 0,
        "first_highlight_starts": "And that\u2019s what information architecture is all about",
    },
    # 18 top-level "- " bullets (many 2-space continuation lines), no notes.
    "paulthompson__The Smartest Scientist I....md": {
        "title": "The Smartest Scientist I...",
        "author": "@singhcredible on Twitter",
        "category": "tweets",
        "url": "https://twitter.com/singhcredible/status/1558430753024659458",
        "tags": [],
        "highlights": 18,
        "notes": 0,
        "first_highlight_starts": "The smartest scientist in the game:",
    },
    # 2 top-level "- > " bullets. notes left out: the TAB child under the first one is an unlabelled
    # comment (no "Note:"), ambiguous. No category:: property -> None.
    "stillfox__pages_100 Go Mistakes and How to Avoid Them.md": {
        "title": "100 Go Mistakes and How to Avoid Them",
        "author": "Teiva Harsanyi",
        "category": None,
        "url": "https://readwise.io/reader/document_raw_content/8740249",
        "tags": [],
        "highlights": 2,
    },
    # 6 top-level "- > " bullets, all distinct; TAB children are **Tags**/**Date**/TODO/unlabelled comments,
    # so notes left out. tags:: has #[[Readwise]] twice -> once.
    "stillfox__pages_Linkerd\uff5c\u670d\u52a1\u7f51\u683c2022\u56de\u987e\uff1a\u9879\u76ee\u91c7\u7528\u7387\u7ffb\u500d\uff0c\u5bf9eBPF\u3001Gateway API\u7b49\u7684\u4e86\u89e3.md": {
        "title": "Linkerd\uff5c\u670d\u52a1\u7f51\u683c2022\u56de\u987e\uff1a\u9879\u76ee\u91c7\u7528\u7387\u7ffb\u500d\uff0c\u5bf9eBPF\u3001Gateway API\u7b49\u7684\u4e86\u89e3",
        "author": "Linkerd",
        "category": None,
        "url": "https://mp.weixin.qq.com/s/KtE2RLuzxjpCPsiw86ux8g",
        "tags": ["k8s", "Readwise", "servicemesh"],
        "highlights": 6,
    },
    # 193 top-level "- " lines minus 3 metadata = 190 (## Highlights + two "New highlights" sections), no repeats;
    # 16 "    - Note:" lines, each under a different highlight. No H1 -> Full Title.
    "third-brain__(Done) The Psychology of Money - Highlights.md": {
        "title": "The Psychology of Money",
        "author": "Morgan Housel",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 190,
        "notes": 16,
        "first_highlight_starts": "financial success is not a hard science.",
        "first_location": "Location 93",
    },
    # 5 top-level "- " bullets, each followed by a column-0 "^rwID-..." line (not a highlight).
    # No H1/metadata at all -> title is the file name without extension (" - Highlights" is not " (highlights)").
    "third-brain__A Brief History of Divestments - Highlights.md": {
        "title": "A Brief History of Divestments - Highlights",
        "author": None,
        "category": "articles",  # from the export folder Readwise/Articles/
        "url": None,
        "tags": [],
        "highlights": 5,
        "notes": 0,
        "first_highlight_starts": "The Vajpayee government started privatising",
    },
    # 19 top-level "- " lines minus 3 metadata = 16; "A known unknown is something like: ..." appears twice with
    # identical text but different View Highlight ids: highlighted twice, so two highlights -> 16.
    # No H1 -> Full Title; no Category line -> None.
    "third-brain__Choose Boring Technology - Highlights.md": {
        "title": "Choose Boring Technology",
        "author": "Dan McKinley",
        "category": "articles",  # from the export folder Readwise/Articles/
        "url": "https://mcfunley.com/choose-boring-technology",
        "tags": [],
        "highlights": 16,
        "notes": 0,
        "first_highlight_starts": "Let\u2019s say every company gets about three innovation tokens",
    },
    # 13 top-level "- " bullets in two "New highlights added" sections (5 + 8); the "> [!NOTE] Done till here"
    # callout is user text. No title/metadata -> file name.
    "third-brain__Passages Saved From Android.md": {
        "title": "Passages Saved From Android",
        "author": None,
        "category": "articles",  # from the export folder Readwise/Articles/
        "url": None,
        "tags": [],
        "highlights": 13,
        "notes": 0,
        "first_highlight_starts": "There are 13,000 direct-benefit transfer (DBT) schemes",
    },
    # Two complete exports in one file: 20 highlights in the first (lines 1-46), 30 in the second (line 47-),
    # no identical text between or within them -> 50; 21 "    - Note:" lines, each under a different highlight.
    "unknownzjc__Building a Second Brain.md": {
        "title": "Building a Second Brain",
        "author": "Tiago Forte",
        "category": "books",
        "url": None,
        "tags": [],
        "highlights": 50,
        "notes": 21,
        "first_highlight_starts": "It\u2019s time to elevate the status of notes",
    },
    # 13 top-level "- " lines minus 4 metadata = 9; 3 "    - Note:" lines.
    "unknownzjc__\u5b57\u8282\u524d\u7aef\u76d1\u63a7\u5b9e\u8df5.md": {
        "title": "\u5b57\u8282\u524d\u7aef\u76d1\u63a7\u5b9e\u8df5",
        "author": "juejin.cn",
        "category": "articles",
        "url": "https://juejin.cn/post/7195496297150709821#heading-19",
        "tags": [],
        "highlights": 9,
        "notes": 3,
    },
}

# Not documents (sync logs, a Full Document Contents body) - must not appear in REAL_EXPECTATIONS.
SKIPPED_FILES: list[str] = [
    "third-brain__Readwise Syncs.md",
    "claudesidian__Readwise Syncs.md",
    "ferparra-logseq__Readwise.md",
    "armitd__Why Is Jensen Huang $120 Billion Richer Than You.md",
]

# Real documents deliberately left without expectations (counts not certain by hand).
# paulthompson Flexbox: highlights nested under "- ## Section" bullets mixed with top-level ones, a
# "- **Tags:** #highlight" metadata bullet of unclear level, and a highlight equal to its section name.
UNCHECKED_FILES: list[str] = [
    "paulthompson__Flexbox In CSS (Estelle Weyl).md",
]

# /work/shared/corpus/seed/000_c5bb28f9f2de1e3d.txt: the same Reader article exported twice
# (two front matters, the second with folded scalars); one document, one highlight (same text, same URL).
SEED_EXPECTATION: dict[str, Any] = {
    "file": "000_c5bb28f9f2de1e3d.txt",
    "documents": 1,
    "title": "Walmart Is Going After Amazon in a New Way \u2014 And Borrowing a Strategy From Target",
    "author": "Dominick Reuter",
    "category": "articles",
    "url": "https://www.businessinsider.com/walmart-going-after-amazon-with-ecommerce-strategy-from-target-2023-12?utm_source=mrdis&utm_campaign=ecommerceweekly&utm_medium=email&r=US&IR=T",
    "tags": ["ecommerce", "physical", "retail"],
    "summary_starts": "Walmart is adopting a strategy from Target by leveraging its",
    "highlights": 1,
    "highlight_url": "https://read.readwise.io/read/01hk82cw59dg8fgmfsthmyhj7t",
}
