// Package extract finds the direct quotations in a news article and who said
// them, as a careful reader would: quotation marks of every kind, cues on
// either side, and speakers resolved through pronouns, descriptions and last
// names to the name the article gives. Pasted social posts count as
// quotations by their account.
package extract
