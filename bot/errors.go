package bot

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
)

// UserError is a mistake the user can fix, or an answer that is not a failure
// ("no quote matches"). Its message is shown to that user alone, as an
// ephemeral reply; every other error is logged and the user sees an apology
// with a reference id.
type UserError struct {
	Msg string
}

func (e *UserError) Error() string { return e.Msg }

// userErrorf returns a *UserError with a formatted message.
func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// asUserError returns the user-facing message of err, if err is or wraps a
// *UserError.
func asUserError(err error) (string, bool) {
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Msg, true
	}
	return "", false
}

// newRef returns a short random reference that ties an apology shown to a
// user to the log line that explains it.
func newRef() string {
	var b [4]byte
	rand.Read(b[:]) // crypto/rand.Read never fails since Go 1.24.
	return hex.EncodeToString(b[:])
}
