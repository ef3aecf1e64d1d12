package index

import "strings"

// contractions maps an English contraction to the words it stands for.
// Ambiguous ones ("he'd": had or would) are left out.
var contractions = map[string]string{
	"don't": "do not", "doesn't": "does not", "didn't": "did not",
	"isn't": "is not", "aren't": "are not", "wasn't": "was not", "weren't": "were not",
	"haven't": "have not", "hasn't": "has not", "hadn't": "had not",
	"won't": "will not", "wouldn't": "would not", "can't": "cannot", "couldn't": "could not",
	"shouldn't": "should not", "mustn't": "must not", "needn't": "need not", "shan't": "shall not",
	"i'm": "i am", "you're": "you are", "we're": "we are", "they're": "they are",
	"it's": "it is", "that's": "that is", "what's": "what is", "there's": "there is", "here's": "here is",
	"he's": "he is", "she's": "she is", "let's": "let us",
	"i've": "i have", "you've": "you have", "we've": "we have", "they've": "they have",
	"i'll": "i will", "you'll": "you will", "he'll": "he will", "she'll": "she will",
	"we'll": "we will", "they'll": "they will", "it'll": "it will",
}

// contracted maps the words a contraction stands for back to it.
var contracted = func() map[string]string {
	m := make(map[string]string, len(contractions)+1)
	for c, words := range contractions {
		m[words] = c
	}
	m["can not"] = "can't"
	return m
}()

// respell returns phrase with each contraction written out and each pair of
// words a contraction stands for contracted ("god does not play dice" →
// "god doesn't play dice"), in lower case without punctuation, and whether
// it changed anything. People remember contractions either way, and the
// analyzers keep "doesn't" as one word: who-said, which weighs how verbatim
// a quote holds the phrase, asks again with it when the phrase as typed
// found nobody.
func respell(phrase string) (string, bool) {
	var words []string
	for _, f := range strings.Fields(strings.ToLower(phrase)) {
		f = strings.ReplaceAll(f, "’", "'")
		if f = strings.Trim(f, `.,;:!?"'“”‘()[]…`); f != "" {
			words = append(words, f)
		}
	}
	out := make([]string, 0, len(words))
	changed := false
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) {
			if c, ok := contracted[words[i]+" "+words[i+1]]; ok {
				out = append(out, c)
				changed = true
				i++
				continue
			}
		}
		if w, ok := contractions[words[i]]; ok {
			out = append(out, w)
			changed = true
			continue
		}
		out = append(out, words[i])
	}
	return strings.Join(out, " "), changed
}
