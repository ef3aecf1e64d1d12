package bottest

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"testing"
	"time"
)

func TestSignedRequestVerifies(t *testing.T) {
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"type":1}`)
	req, err := SignedRequest("http://127.0.0.1/interactions", key, time.Unix(1700000000, 0), body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(req.Body)
	sig, _ := hex.DecodeString(req.Header.Get("X-Signature-Ed25519"))
	stamp := req.Header.Get("X-Signature-Timestamp")
	if stamp != "1700000000" || string(got) != string(body) {
		t.Fatalf("request = stamp %q body %q", stamp, got)
	}
	if !ed25519.Verify(pub, append([]byte(stamp), body...), sig) {
		t.Error("signature does not verify with the public key")
	}
}
