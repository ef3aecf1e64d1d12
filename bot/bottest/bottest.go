// Package bottest helps tests talk to quotebot's HTTP interactions endpoint
// as Discord does, the way net/http/httptest helps with HTTP.
package bottest

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"
)

// SignedRequest returns a POST of body to url, signed with key at time ts as
// Discord signs interactions: Ed25519 over the timestamp followed by the body.
func SignedRequest(url string, key ed25519.PrivateKey, ts time.Time, body []byte) (*http.Request, error) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(stamp), body...))))
	return req, nil
}
