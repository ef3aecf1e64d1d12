// Package bottest helps tests talk to quotebot's HTTP interactions endpoint
// as Discord does, the way net/http/httptest helps with HTTP.
package bottest

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
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

// SyncBuffer is a bytes.Buffer that a logger or a child process and a test
// may share: its methods are safe for concurrent use.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what has been written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
