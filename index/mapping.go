package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Field and analyzer names. They are part of the on-disk format: changing one
// means rebuilding indexes with export → import.
const (
	fieldText    = "text"    // quote text, English word forms (porter), stop words kept
	fieldExact   = "exact"   // quote text, lower case only: exact phrases, typo matching
	fieldSpeaker = "speaker" // speaker name parts, lower case
	fieldSpkKey  = "sk"      // guild-scoped speaker dictionary (see speakerKeys)
	fieldGuild   = "g"       // owning guild, or sharedGuild
	fieldRand    = "r"       // the ID's first one and two characters, for Random
	fieldStored  = "q"       // the whole quote as JSON; the only stored field
	fieldPairs   = "p"       // neighbouring words of the text where one is common (see commonPairs)

	analyzerText  = "quotebot_text"
	analyzerExact = "quotebot_exact"

	// sharedGuild is the guild term of the shared corpus. Discord guild IDs
	// are numeric snowflakes, so it cannot collide with one.
	sharedGuild = "_"

	// mappingVersion is recorded in the index; an index built with another
	// version is refused with a message saying how to rebuild it.
	mappingVersion = "4"
)

// document is what bleve indexes for one quote.
type document struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	SpkKey  string `json:"sk"` // lines (see linesTokenizer), as are Rand and Pairs
	Guild   string `json:"g"`
	Rand    string `json:"r"`
	Stored  string `json:"q"`
	Pairs   string `json:"p"`
}

// newMapping builds the index mapping. The choices, each measured against
// bleve's defaults (see ../shared/notes/bleve.md):
//   - Stop words are kept: short remembered fragments ("to be or not to be")
//     are mostly stop words, and phrase queries over-match without them.
//   - BM25 scoring, which ranked the right speaker first more often.
//   - No _all field and nothing included in it: every query names its field.
//   - Only the quote's JSON is stored; term vectors only on the two text
//     fields, where phrase queries need positions.
//   - No numeric fields and no doc values (see fieldRand).
//   - Pairs of neighbouring words where one is common ("of the", "the
//     congress"), so phrases of common words are cheap to find.
//   - Lists of terms indexed as one field each (see linesTokenizer).
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = bindex.BM25Scoring
	if err := im.AddCustomAnalyzer(analyzerText, map[string]any{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []any{
			en.PossessiveName,
			lowercase.Name,
			porter.Name,
		},
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(analyzerExact, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, err
	}

	textField := func(name, analyzer string) *mapping.FieldMapping {
		fm := mapping.NewTextFieldMapping()
		fm.Name = name
		fm.Analyzer = analyzer
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = true
		fm.DocValues = false
		return fm
	}
	if err := im.AddCustomAnalyzer(analyzerLines, map[string]any{
		"type":      custom.Name,
		"tokenizer": tokenizerLines,
	}); err != nil {
		return nil, err
	}
	kwField := func(analyzer string) *mapping.FieldMapping {
		fm := mapping.NewKeywordFieldMapping()
		fm.Analyzer = analyzer
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		return fm
	}

	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("text", textField(fieldText, analyzerText), textField(fieldExact, analyzerExact))
	speaker := textField(fieldSpeaker, analyzerExact)
	speaker.IncludeTermVectors = false
	dm.AddFieldMappingsAt("speaker", speaker)
	dm.AddFieldMappingsAt(fieldSpkKey, kwField(analyzerLines))
	dm.AddFieldMappingsAt(fieldGuild, kwField(keyword.Name))

	// Random's buckets are two keyword terms per quote. A numeric field
	// would index 16 terms per quote (bleve's precision step of 4 bits) and
	// doc values besides: it cost a quarter of bulk import time.
	dm.AddFieldMappingsAt(fieldRand, kwField(analyzerLines))
	dm.AddFieldMappingsAt(fieldPairs, kwField(analyzerLines))

	stored := mapping.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false
	dm.AddFieldMappingsAt(fieldStored, stored)

	// IncludeInAll false on every field leaves the _all field empty, but
	// bleve still builds it for every quote (a composite field, merged with
	// each field's frequencies and processed as a field of its own): 7 % of
	// bulk import time. A disabled "_all" mapping leaves it out.
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())

	im.DefaultMapping = dm
	im.DefaultAnalyzer = analyzerExact
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}
