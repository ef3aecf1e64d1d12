package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/quotebot/quotebot/bot"
)

// TestSIGTERMDuringGatewayInteractions sends SIGTERM to `quotebot serve` in
// gateway mode during a burst of interactions, with the real binary talking
// to a fake Discord: its REST API and gateway over TLS as discord.com and
// gateway.discord.gg, reached through HTTPS_PROXY (which discordgo's default
// HTTP client and gorilla's default websocket dialer honour) and trusted
// through SSL_CERT_FILE, so the binary is the one operators run.
//
// Interactions keep a window of 16 unanswered; after 100 answers the fake
// holds the bot's replies (a slow Discord), so that interactions are surely
// in flight when the signal arrives rather than by luck of timing. The
// interactions sent after it are answered (the signal not yet handled) or
// told "quotebot is restarting"; once one is told, every later one must be.
// Then the fake lets the replies go. Every interaction must have been
// answered in full (its reply, or a deferral and its edit) or refused; every
// save the bot acknowledged is in the index and no refused one is; the bot
// closes the gateway with a close frame, closes the index (it reopens) and
// exits 0; its logs hold no token; it dialled nothing but Discord.
//
// Nothing is dispatched once the replies are let go: discordgo stops reading
// a moment before it sends its close frame, so an interaction Discord
// dispatched in that moment would go unanswered whatever the bot did. The
// replies are held only for the few round trips after the signal, well
// within discordgo's 20 s client timeout.
func TestSIGTERMDuringGatewayInteractions(t *testing.T) {
	bin := quotebotBinary(t)
	dir := emptyIndex(t)
	fd := newGatewayDiscord(t)
	const appID = "1180211384745537606" // the application of interaction()
	logs := &syncBuffer{}
	srv := startProcess(t, bin, map[string]string{
		"DISCORD_TOKEN":      secretToken,
		"DISCORD_APP_ID":     appID,
		"QUOTEBOT_LOG_LEVEL": "debug",
		"HTTPS_PROXY":        fd.proxy.URL,
		"SSL_CERT_FILE":      fd.caFile,
	}, logs, logs, "serve", "--index", dir)
	waitFor(t, logs, srv.exited, "gateway ready")

	wait := func(what string, cond func() bool) {
		t.Helper()
		if !fd.waitUntil(cond, srv.exited) {
			t.Fatalf("waiting for %s: serve exited or a minute passed; log:\n%s", what, logs.String())
		}
	}
	const window = 16
	sent := 0
	send := func() *gatewayCall {
		t.Helper()
		n := sent
		sent++
		// A member of its own for each interaction and 16 guilds keep the
		// rate limits out of the way.
		guild, member := fmt.Sprint(1180211384745537700+n%16), fmt.Sprint(1180211384745600000+n)
		save := ""
		var body []byte
		if n%2 == 0 {
			save = fmt.Sprintf("Saved through the gateway, interaction %d, before the restart.", n)
			body = interaction(n, guild, member, false, "quotes",
				subcommand("add", option("text", save, false), option("speaker", "Gateway Tester", false)))
		} else {
			body = interaction(n, guild, member, false, "quote", option("query", "restart", false))
		}
		c, err := fd.dispatch(fmt.Sprintf("interaction-token-%d", n), save, body)
		if err != nil {
			t.Fatalf("dispatch interaction %d: %v; log:\n%s", n, err, logs.String())
		}
		return c
	}

	// The burst: 100 answers with 16 interactions waiting at any time.
	for {
		var answered, open int
		wait("room in the window", func() bool {
			answered, open, _ = fd.countLocked()
			return answered >= 100 || open < window
		})
		if answered >= 100 {
			break
		}
		send()
	}
	// Discord slows down: the bot's replies wait until the window is full of
	// interactions whose replies are held.
	fd.hold()
	for {
		full := false
		wait("a full window of held replies", func() bool {
			_, open, held := fd.countLocked()
			full = open >= window && held == open
			return full || open < window
		})
		if full {
			break
		}
		send()
	}

	srv.cmd.Process.Signal(syscall.SIGTERM)
	afterSignal, told := 0, 0
	for told < 5 {
		if afterSignal++; afterSignal > 1000 {
			t.Fatalf("no interaction was refused in 1000 after SIGTERM; log:\n%s", logs.String())
		}
		c := send()
		wait("a reply after SIGTERM", func() bool { return len(c.events) > 0 })
		fd.mu.Lock()
		refused := c.events[0].refusal()
		fd.mu.Unlock()
		switch {
		case refused:
			told++
		case told > 0:
			t.Errorf("interaction %s was taken after an earlier one was refused", c.token)
		}
	}
	select {
	case <-srv.exited:
		t.Fatalf("serve exited with interactions in flight: %v; log:\n%s", srv.err, logs.String())
	default:
	}
	fd.letGo()
	select {
	case <-srv.exited:
	case <-time.After(time.Minute):
		t.Fatalf("serve still running a minute after its replies were let go; log:\n%s", logs.String())
	}

	if srv.err != nil {
		t.Errorf("serve after SIGTERM: %v, want exit 0; log:\n%s", srv.err, logs.String())
	}
	texts := indexContents(t, dir)
	fd.mu.Lock()
	defer fd.mu.Unlock()
	var answered, deferred, refused, saved int
	for _, c := range fd.calls {
		r, how, problem := c.outcome()
		switch {
		case problem != "":
			t.Errorf("interaction %s: %s", c.token, problem)
		case how == "refused":
			refused++
			if c.save != "" && texts[c.save] {
				t.Errorf("refused save %q is in the index", c.save)
			}
		case strings.Contains(r.String(), "went wrong") || strings.TrimSpace(r.String()) == "":
			t.Errorf("interaction %s answered %q", c.token, r.String())
		case c.save != "" && !strings.Contains(r.String(), "Quote saved"):
			t.Errorf("save %s answered %q, want Quote saved", c.token, r.String())
		default:
			answered++
			if how == "deferred" {
				deferred++
			}
			if c.save != "" {
				saved++
				if !texts[c.save] {
					t.Errorf("acknowledged save %q is not in the index", c.save)
				}
			}
		}
	}
	held := 0
	for _, c := range fd.calls {
		if c.held {
			held++
		}
	}
	t.Logf("%d interactions: %d answered (%d after a deferral, %d saves acknowledged; %d held in flight at SIGTERM or taken after it), %d refused",
		len(fd.calls), answered, deferred, saved, held, refused)

	if fd.closeCode != websocket.CloseNormalClosure {
		t.Errorf("the gateway connection ended with %s, want a close frame with %d", fd.closeHow, websocket.CloseNormalClosure)
	}
	if fd.identified != "Bot "+secretToken || len(fd.auth) != 1 || !fd.auth["Bot "+secretToken] {
		t.Errorf("identified with %q, REST Authorization %v; want the bot token", fd.identified, fd.auth)
	}
	if fd.overwrites != 1 || len(fd.commands) != len(bot.Commands()) {
		t.Errorf("%d bulk overwrites of %d commands, want 1 of %d", fd.overwrites, len(fd.commands), len(bot.Commands()))
	}
	for _, u := range fd.unexpected {
		t.Errorf("fake Discord: unexpected %s", u)
	}
	for _, u := range fd.proxyRefused {
		t.Errorf("serve asked the proxy for %s, not Discord", u)
	}
	for _, s := range []string{secretToken, secretToken[:24]} {
		if strings.Contains(logs.String(), s) {
			t.Errorf("serve logged the bot token (%.12s…):\n%s", s, logs.String())
		}
	}
}

// gatewayDiscord is the part of Discord that `quotebot serve` talks to in
// gateway mode: command registration, the gateway (Hello, READY, heartbeat
// ACKs and the INTERACTION_CREATE events the test dispatches), interaction
// callbacks and edits of deferred replies. It serves TLS for discord.com and
// gateway.discord.gg behind a CONNECT proxy that reaches nothing else.
type gatewayDiscord struct {
	proxy  *httptest.Server
	caFile string // the CA that signed the fake's certificate, PEM

	wsMu sync.Mutex // orders writes to the gateway connection
	seq  int64      // of the last dispatch

	mu           sync.Mutex
	changed      chan struct{} // a value after each change
	calls        map[string]*gatewayCall
	held         chan struct{}   // non-nil while replies are held; closed to let them go
	ws           *websocket.Conn // the gateway connection, once READY
	closeCode    int             // of the close frame that ended the gateway connection
	closeHow     string          // how it ended
	identified   string          // the identify's token
	auth         map[string]bool
	commands     []*discordgo.ApplicationCommand
	overwrites   int
	unexpected   []string
	proxyRefused []string // what the proxy was asked for besides Discord
}

// gatewayCall is one interaction dispatched and what the bot sent back.
type gatewayCall struct {
	token  string
	save   string // the text it saves; "" for a search
	events []gatewayEvent
	held   bool // a reply of it was held
}

// gatewayEvent is a callback (its type > 0) or an edit (type 0).
type gatewayEvent struct {
	typ   discordgo.InteractionResponseType
	reply reply
}

func (e gatewayEvent) refusal() bool {
	return e.typ == discordgo.InteractionResponseChannelMessageWithSource && strings.Contains(e.reply.Data.Content, "restarting")
}

// done reports whether c has its last word: a reply, a refusal, or the edit
// of a deferred reply.
func (c *gatewayCall) done() bool {
	for _, e := range c.events {
		if e.typ == discordgo.InteractionResponseChannelMessageWithSource || e.typ == 0 {
			return true
		}
	}
	return false
}

// outcome is what the member saw, how ("answered", "deferred" or "refused"),
// or what was wrong.
func (c *gatewayCall) outcome() (reply, string, string) {
	var callbacks, edits []gatewayEvent
	for _, e := range c.events {
		if e.typ == 0 {
			edits = append(edits, e)
		} else {
			callbacks = append(callbacks, e)
		}
	}
	switch {
	case len(callbacks) == 0:
		return reply{}, "", "never answered nor refused"
	case len(callbacks) > 1:
		return reply{}, "", fmt.Sprintf("%d callbacks", len(callbacks))
	case callbacks[0].refusal() && len(edits) == 0:
		return callbacks[0].reply, "refused", ""
	case callbacks[0].typ == discordgo.InteractionResponseChannelMessageWithSource && len(edits) == 0:
		return callbacks[0].reply, "answered", ""
	case callbacks[0].typ == discordgo.InteractionResponseDeferredChannelMessageWithSource && len(edits) == 1:
		return edits[0].reply, "deferred", ""
	}
	return reply{}, "", fmt.Sprintf("callback of type %d and %d edits", callbacks[0].typ, len(edits))
}

func newGatewayDiscord(t *testing.T) *gatewayDiscord {
	t.Helper()
	fd := &gatewayDiscord{changed: make(chan struct{}, 1), calls: map[string]*gatewayCall{}, auth: map[string]bool{}}
	caPEM, cert := throwawayCert(t, "discord.com", "gateway.discord.gg")
	fd.caFile = writeFile(t, "ca.pem", string(caPEM))

	mux := http.NewServeMux()
	mux.HandleFunc("GET discord.com/api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"url": "wss://gateway.discord.gg"})
	})
	mux.HandleFunc("discord.com/api/v9/applications/{app}/commands", fd.registerCommands)
	mux.HandleFunc("POST discord.com/api/v9/interactions/{id}/{token}/callback", fd.recordReply)
	mux.HandleFunc("PATCH discord.com/api/v9/webhooks/{app}/{token}/messages/@original", fd.recordReply)
	mux.HandleFunc("gateway.discord.gg/{$}", fd.gateway)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fd.mu.Lock()
		fd.unexpected = append(fd.unexpected, r.Method+" "+r.Host+r.URL.Path)
		fd.mu.Unlock()
		http.NotFound(w, r)
	})
	discord := httptest.NewUnstartedServer(mux)
	discord.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	discord.StartTLS()
	t.Cleanup(discord.Close)
	t.Cleanup(fd.letGo) // before Close, which waits for held replies

	fd.proxy = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect || (r.Host != "discord.com:443" && r.Host != "gateway.discord.gg:443") {
			fd.mu.Lock()
			fd.proxyRefused = append(fd.proxyRefused, r.Method+" "+r.Host)
			fd.mu.Unlock()
			http.Error(w, "this proxy reaches Discord only", http.StatusForbidden)
			return
		}
		tunnel(w, discord.Listener.Addr().String())
	}))
	t.Cleanup(fd.proxy.Close)
	return fd
}

// throwawayCert makes a throwaway CA and a certificate it signs for hosts,
// and returns the CA's certificate in PEM and the host certificate.
func throwawayCert(t *testing.T, hosts ...string) ([]byte, tls.Certificate) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "quotebot test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: hosts[0]}, DNSNames: hosts,
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tunnel answers a CONNECT by joining the client's connection to addr.
func tunnel(w http.ResponseWriter, addr string) {
	up, err := net.Dial("tcp", addr)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		up.Close()
		return
	}
	conn.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))
	done := make(chan struct{}, 2)
	go func() { io.Copy(up, buf.Reader); done <- struct{}{} }() // buf may hold bytes already read
	go func() { io.Copy(conn, up); done <- struct{}{} }()
	<-done
	conn.Close()
	up.Close()
	<-done
}

// registerCommands lists and bulk-overwrites the global commands.
func (fd *gatewayDiscord) registerCommands(w http.ResponseWriter, r *http.Request) {
	fd.mu.Lock()
	defer fd.mu.Unlock()
	fd.auth[r.Header.Get("Authorization")] = true
	switch r.Method {
	case http.MethodGet:
	case http.MethodPut:
		fd.commands = nil
		if err := json.NewDecoder(r.Body).Decode(&fd.commands); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fd.overwrites++
	default:
		fd.unexpected = append(fd.unexpected, r.Method+" "+r.URL.Path)
	}
	list := fd.commands
	if list == nil {
		list = []*discordgo.ApplicationCommand{}
	}
	json.NewEncoder(w).Encode(list)
}

// recordReply records an interaction callback or the edit of a deferred reply,
// and while replies are held, waits until they are let go. A refusal is
// never held: Discord is slow, not selective.
func (fd *gatewayDiscord) recordReply(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var e gatewayEvent
	var err error
	if r.Method == http.MethodPost {
		err = json.Unmarshal(body, &e.reply)
		e.typ = discordgo.InteractionResponseType(e.reply.Type)
	} else {
		err = json.Unmarshal(body, &e.reply.Data)
	}
	fd.mu.Lock()
	fd.auth[r.Header.Get("Authorization")] = true
	c := fd.calls[r.PathValue("token")]
	if c == nil || err != nil || (r.Method == http.MethodPost && e.typ == 0) {
		fd.unexpected = append(fd.unexpected, fmt.Sprintf("%s %s %s (%v)", r.Method, r.URL.Path, body, err))
		fd.mu.Unlock()
		http.Error(w, "unknown interaction or bad body", http.StatusBadRequest)
		return
	}
	c.events = append(c.events, e)
	held := fd.held
	if held != nil && !e.refusal() {
		c.held = true
	} else {
		held = nil
	}
	fd.notifyLocked()
	fd.mu.Unlock()
	if held != nil {
		<-held
	}
	if r.Method == http.MethodPost {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	json.NewEncoder(w).Encode(&discordgo.Message{ID: "1180211384745539999", ChannelID: "1180211384745537811"})
}

// gateway speaks Discord's gateway protocol as far as the bot needs.
func (fd *gatewayDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	fd.write(ws, &discordgo.Event{Operation: 10, RawData: json.RawMessage(`{"heartbeat_interval":45000}`)})
	for {
		var e discordgo.Event
		if err := ws.ReadJSON(&e); err != nil {
			fd.mu.Lock()
			if ce, ok := err.(*websocket.CloseError); ok {
				fd.closeCode, fd.closeHow = ce.Code, ce.Error()
			} else {
				fd.closeHow = "no close frame: " + err.Error()
			}
			fd.ws = nil
			fd.notifyLocked()
			fd.mu.Unlock()
			return
		}
		switch e.Operation {
		case 1: // heartbeat
			fd.write(ws, &discordgo.Event{Operation: 11})
		case 2: // identify
			var id discordgo.Identify
			json.Unmarshal(e.RawData, &id)
			ready, _ := json.Marshal(&discordgo.Ready{
				Version: 9, SessionID: "gateway-shutdown-session", Guilds: []*discordgo.Guild{},
				User: &discordgo.User{ID: "1180211384745537606", Username: "quotebot", Bot: true},
			})
			fd.write(ws, &discordgo.Event{Type: "READY", RawData: ready})
			fd.mu.Lock()
			fd.identified, fd.ws = id.Token, ws
			fd.notifyLocked()
			fd.mu.Unlock()
		default:
			fd.mu.Lock()
			fd.unexpected = append(fd.unexpected, fmt.Sprintf("gateway op %d", e.Operation))
			fd.mu.Unlock()
		}
	}
}

// write sends one gateway message; a dispatch gets the next sequence number.
func (fd *gatewayDiscord) write(ws *websocket.Conn, e *discordgo.Event) error {
	fd.wsMu.Lock()
	defer fd.wsMu.Unlock()
	if e.Type != "" {
		fd.seq++
		e.Sequence = fd.seq
	}
	return ws.WriteJSON(e)
}

// dispatch sends INTERACTION_CREATE with body (an interaction's JSON, whose
// token is token) over the gateway; save is the text it saves, if any.
func (fd *gatewayDiscord) dispatch(token, save string, body []byte) (*gatewayCall, error) {
	c := &gatewayCall{token: token, save: save}
	fd.mu.Lock()
	ws, how := fd.ws, fd.closeHow
	fd.calls[token] = c
	fd.mu.Unlock()
	if ws == nil {
		return nil, fmt.Errorf("the bot has left the gateway (%s)", how)
	}
	return c, fd.write(ws, &discordgo.Event{Type: "INTERACTION_CREATE", RawData: body})
}

// countLocked counts the interactions answered, those still open and those
// of them with a reply held. The caller holds fd.mu (waitUntil does).
func (fd *gatewayDiscord) countLocked() (answered, open, held int) {
	for _, c := range fd.calls {
		switch {
		case c.held: // its reply is written but not yet taken
			open++
			held++
		case c.done():
			answered++
		default:
			open++
		}
	}
	return answered, open, held
}

// hold makes replies wait until letGo.
func (fd *gatewayDiscord) hold() {
	fd.mu.Lock()
	defer fd.mu.Unlock()
	fd.held = make(chan struct{})
}

// letGo sends the held replies on and holds no more.
func (fd *gatewayDiscord) letGo() {
	fd.mu.Lock()
	defer fd.mu.Unlock()
	if fd.held != nil {
		close(fd.held)
		fd.held = nil
	}
}

func (fd *gatewayDiscord) notifyLocked() {
	select {
	case fd.changed <- struct{}{}:
	default:
	}
}

// waitUntil waits until cond, called with fd.mu held, is true. It gives up,
// returning false, when exited is closed or after a minute.
func (fd *gatewayDiscord) waitUntil(cond func() bool, exited <-chan struct{}) bool {
	deadline := time.After(time.Minute)
	for {
		fd.mu.Lock()
		ok := cond()
		fd.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-fd.changed:
		case <-exited:
			return false
		case <-deadline:
			return false
		}
	}
}
