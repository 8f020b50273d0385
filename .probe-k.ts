import * as card from "./src/nlu/card";
// peek at keys via a debug re-compile
console.log(card.ISSUERS.length);
