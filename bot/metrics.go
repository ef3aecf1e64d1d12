package bot

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
)

// Outcomes of an interaction, as labelled in metrics.
const (
	outcomeOK          = "ok"
	outcomeUserError   = "user_error"
	outcomeError       = "error"
	outcomeRateLimited = "rate_limited"
)

// metrics are the bot's Prometheus collectors; a nil *metrics records
// nothing.
type metrics struct {
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	saves        prometheus.Counter
}

// newMetrics registers the bot's collectors on reg; nil reg means none.
func newMetrics(reg prometheus.Registerer, store Store) *metrics {
	if reg == nil {
		return nil
	}
	m := &metrics{
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "quotebot_interactions_total",
			Help: "Discord interactions answered, by command and outcome (ok, user_error, error, rate_limited).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "quotebot_interaction_seconds",
			Help:    "Time to build the answer to an interaction, by command.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5},
		}, []string{"command"}),
		saves: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "quotebot_quotes_saved_total",
			Help: "Quotes saved from Discord.",
		}),
	}
	count := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "quotebot_quotes",
		Help: "Quotes in the shared corpus, which every server sees (-1 if the index cannot be read).",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := store.Count(ctx, "")
		if err != nil {
			return -1
		}
		return float64(n)
	})
	reg.MustRegister(m.interactions, m.latency, m.saves, count)
	return m
}

func (m *metrics) observe(command, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(d.Seconds())
}

func (m *metrics) saved() {
	if m != nil {
		m.saves.Inc()
	}
}

// commandLabel names an interaction for metrics and logs, from a closed set
// so that strangers cannot grow the label space.
func commandLabel(i *discordgo.Interaction) string {
	if i == nil {
		return "unknown"
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return "ping"
	case discordgo.InteractionMessageComponent:
		if d, ok := i.Data.(discordgo.MessageComponentInteractionData); ok && len(d.CustomID) > 0 {
			switch d.CustomID[0] {
			case idPage:
				return "button:page"
			case idRandom:
				return "button:random"
			}
		}
		return "button:unknown"
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return "unknown"
		}
		name := ""
		switch d.Name {
		case cmdQuote, cmdWhoSaid, cmdSaveQuote:
			name = d.Name
		case cmdQuotes:
			name = cmdQuotes
			if len(d.Options) == 1 && d.Options[0] != nil {
				switch d.Options[0].Name {
				case subAdd, subShow, subRemove:
					name += " " + d.Options[0].Name
				}
			}
		default:
			return "unknown"
		}
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return "autocomplete:" + name
		}
		return name
	}
	return "unknown"
}
