// Package quotes defines quotebot's domain: a Quote, who said it and where it
// came from, how its ID is derived, and the readers and writers for the
// collection formats operators import (JSON Lines, CSV, classic fortune files).
//
// It depends on the standard library and small text libraries only; the index
// and the Discord bot both speak in its types.
package quotes
