// Command ottlcheck validates many OTTL statements in one process, the way the transform
// processor of the reference collector validates its configuration (`otelcol validate`), for
// otelboard's differential test of its own validator.
//
// Input, one JSON object per line, on stdin or in the file named by the only argument:
//
//	{"signal": "logs", "context": "", "statement": "set(log.body, 1)"}
//
// signal is traces, metrics or logs; an empty context makes the statement a flat entry of
// <signal>_statements (the processor infers its context), otherwise it goes into a group with
// that context. Output, one JSON object per input line, in order:
//
//	{"ok": false, "error": "..."}
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/transformprocessor"
	"go.opentelemetry.io/collector/confmap"
)

type request struct {
	Signal    string `json:"signal"`
	Context   string `json:"context"`
	Statement string `json:"statement"`
}

type verdict struct {
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

var keys = map[string]string{
	"traces":  "trace_statements",
	"metrics": "metric_statements",
	"logs":    "log_statements",
}

func check(r request) verdict {
	key, known := keys[r.Signal]
	if !known {
		return verdict{Error: fmt.Sprintf("unknown signal %q", r.Signal)}
	}
	var entry any = r.Statement
	if r.Context != "" {
		entry = map[string]any{"context": r.Context, "statements": []any{r.Statement}}
	}
	factory := transformprocessor.NewFactory()
	cfg := factory.CreateDefaultConfig()
	raw := map[string]any{key: []any{entry}}
	if err := confmap.NewFromStringMap(raw).Unmarshal(cfg); err != nil {
		return verdict{Error: err.Error()}
	}
	if v, ok := cfg.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return verdict{Error: err.Error()}
		}
	}
	return verdict{OK: true}
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-functions" {
		if err := dumpFunctions(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	source := os.Stdin
	if len(os.Args) == 2 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		source = f
	}
	in := bufio.NewScanner(source)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var r request
		var v verdict
		if err := json.Unmarshal(in.Bytes(), &r); err != nil {
			v = verdict{Error: "bad input line: " + err.Error()}
		} else {
			v = safeCheck(r)
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// safeCheck turns a panic in the parser into a verdict, so one statement cannot end the batch.
func safeCheck(r request) (v verdict) {
	defer func() {
		if p := recover(); p != nil {
			v = verdict{Error: fmt.Sprintf("panic: %v", p)}
		}
	}()
	return check(r)
}
