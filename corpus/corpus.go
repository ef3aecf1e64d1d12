// Package corpus holds the quotes quotebot ships with: the shared corpus
// every guild can read before anyone imports anything.
package corpus

import _ "embed"

// Seed is the default corpus as JSON Lines of quotes.Quote, one quote a line:
// what the news-quotation extractor (quotes/extract) makes of the seed
// article. It is generated, never edited by hand:
//
//	go test ./quotes/extract -run TestSeedCorpus -update
//
//go:embed seed.jsonl
var Seed []byte
