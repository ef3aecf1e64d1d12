package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DefaultMaxAge is how old a signed request may be before the endpoint
// refuses it as a replay, and how far in the future its clock may be.
const DefaultMaxAge = 5 * time.Minute

// EndpointOptions configure the HTTP interactions endpoint.
type EndpointOptions struct {
	// PublicKey is the application's public key, from the Developer Portal.
	PublicKey ed25519.PublicKey
	// Followup sends the edits that replace deferred replies. Interaction
	// webhooks are authorised by the interaction's token, so it needs no bot
	// token; nil means a new token-less discordgo session.
	Followup *discordgo.Session
	// MaxAge bounds the age of a request's signed timestamp; zero means
	// DefaultMaxAge.
	MaxAge time.Duration
}

// Endpoint is the HTTP interactions endpoint (POST /interactions): Discord
// signs every request, and the endpoint answers inline.
type Endpoint struct {
	bot      *Bot
	key      ed25519.PublicKey
	followup *discordgo.Session
	maxAge   time.Duration
	inflight sync.WaitGroup
}

// Endpoint returns the HTTP interactions endpoint answering with b.
func (b *Bot) Endpoint(opts EndpointOptions) (*Endpoint, error) {
	if len(opts.PublicKey) != ed25519.PublicKeySize {
		return nil, errors.New("bot: endpoint: public key must be 32 bytes")
	}
	e := &Endpoint{bot: b, key: opts.PublicKey, followup: opts.Followup, maxAge: opts.MaxAge}
	if e.followup == nil {
		s, _ := discordgo.New("") // New never fails.
		e.followup = s
	}
	if e.maxAge <= 0 {
		e.maxAge = DefaultMaxAge
	}
	return e, nil
}

// ParsePublicKey decodes the hex public key shown in the Developer Portal.
func ParsePublicKey(hexKey string) (ed25519.PublicKey, error) {
	k, err := hex.DecodeString(hexKey)
	if err != nil || len(k) != ed25519.PublicKeySize {
		return nil, errors.New("bot: the public key must be 64 hex digits")
	}
	return ed25519.PublicKey(k), nil
}

// ServeHTTP answers one interaction. It refuses, before reading further,
// anything but a POST, a body over MaxInteractionSize (413), and any request
// whose Ed25519 signature over timestamp and body does not verify or whose
// timestamp is stale (401, as Discord's own checks expect).
func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionSize))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if !e.verify(r.Header, body) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	i, err := DecodeInteraction(body)
	if err != nil {
		e.bot.log.Warn("undecodable interaction", "err", err)
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	first := make(chan *discordgo.InteractionResponse, 1)
	e.inflight.Add(1)
	go func() {
		defer e.inflight.Done()
		send := func(resp *discordgo.InteractionResponse) error { first <- resp; return nil }
		if err := e.bot.answer(r.Context(), i, sessionReplier(e.followup, i, send)); err != nil {
			e.bot.log.Error("deferred reply failed", "interaction", i.ID, "err", err)
		}
	}()
	select {
	case resp := <-first:
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(resp); err != nil {
			e.bot.log.Warn("write interaction response", "interaction", i.ID, "err", err)
		}
	case <-r.Context().Done():
	}
}

// verify checks Discord's signature: Ed25519 over the timestamp header
// followed by the body, and a timestamp within maxAge of now.
func (e *Endpoint) verify(h http.Header, body []byte) bool {
	sig, err := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	ts := h.Get("X-Signature-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	age := e.bot.now().Sub(time.Unix(sec, 0))
	if age > e.maxAge || age < -e.maxAge {
		return false
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	return ed25519.Verify(e.key, msg, sig)
}

// Wait blocks until every accepted interaction has been answered, deferred
// edits included. Call it after the HTTP server has stopped accepting.
func (e *Endpoint) Wait() { e.inflight.Wait() }
