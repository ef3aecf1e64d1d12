// Package index stores quotes in a bleve full-text index and answers the
// questions quotebot asks of them: search, who said a phrase, search as you
// type, known speakers, a random quote. It is the only package that imports
// bleve, and the index it keeps is the store of record: every quote can be
// read back whole from it.
package index
