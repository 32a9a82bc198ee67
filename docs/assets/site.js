/* Every page's scripts, in the order they run: one tag on each page instead of one per script
   (seven tags, about 400 bytes, on each of the record pages; mkdocs.yml's extra_javascript). A
   module's static imports are evaluated in the order they are written, each once, as the tags
   ran in the order they were listed. frame.js first: the record pages' header controls, which
   search.js opens. */
import "./frame.js";
import "./axis.js";
import "./map.js";
import "./media.js";
import "./timeline.js";
import "./search.js";
import "./story.js";
