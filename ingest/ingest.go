package ingest

import (
	"context"
	"io"
	"net/http"

	"github.com/storyline-news/storyline"
)

// Options tunes reading. The zero value is ready to use.
type Options struct {
	Stdin    io.Reader    // read for the input "-"; os.Stdin when nil
	Client   *http.Client // for http(s) inputs; a client with timeouts when nil
	MaxBytes int64        // per input after decompression; 64 MiB when 0
}

// Read reads every input in a deterministic order (folders walked in name
// order), calling emit for each document and fail for each input, record or
// line that cannot be read. It stops early only when ctx is done or emit
// returns an error.
func Read(ctx context.Context, inputs []string, opt Options, emit func(storyline.Document) error, fail func(storyline.Failure)) error {
	return nil // STUB: replaced by the ingest implementation
}
