package main

// The -functions mode: every editor and converter the transform processor registers, per OTTL
// context, with its parameters as its Arguments struct declares them, read by reflection from the
// processor's own function maps (the same ones Validate parses with). otelboard's differential
// test generates its statements from this list, so the corpus follows the collector's registry
// rather than a hand-typed one.

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"unsafe"

	"github.com/iancoleman/strcase"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl/contexts/ottlresource"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl/contexts/ottlscope"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl/ottlfuncs"
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/transformprocessor"
)

type param struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Optional bool   `json:"optional"`
	// NamedOK: the collector finds the field again from the snake_case name (strcase.ToCamel).
	NamedOK bool `json:"named_ok"`
}

type function struct {
	Context string  `json:"context"`
	Name    string  `json:"name"`
	Params  []param `json:"params"`
	// NoArguments: the factory has no Arguments struct, so the collector ignores any arguments.
	NoArguments bool `json:"no_arguments"`
}

// The processor's unexported function maps, by OTTL context; resource and scope use the
// standard functions (common.ResourceFunctions / ScopeFunctions are internal to the processor).
var configFields = map[string]string{
	"span":      "spanFunctions",
	"spanevent": "spanEventFunctions",
	"metric":    "metricFunctions",
	"datapoint": "dataPointFunctions",
	"log":       "logFunctions",
}

func dumpFunctions(out io.Writer) error {
	maps := map[string]reflect.Value{
		"resource": reflect.ValueOf(ottlfuncs.StandardFuncs[*ottlresource.TransformContext]()),
		"scope":    reflect.ValueOf(ottlfuncs.StandardFuncs[*ottlscope.TransformContext]()),
	}
	cfg := reflect.ValueOf(transformprocessor.NewFactory().CreateDefaultConfig()).Elem()
	for context, field := range configFields {
		f := cfg.FieldByName(field)
		if !f.IsValid() {
			return fmt.Errorf("transform processor config has no field %s", field)
		}
		maps[context] = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	var all []function
	for context, m := range maps {
		iter := m.MapRange()
		for iter.Next() {
			fn, err := describe(context, iter.Value())
			if err != nil {
				return err
			}
			all = append(all, fn)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Context != all[j].Context {
			return all[i].Context < all[j].Context
		}
		return all[i].Name < all[j].Name
	})
	enc := json.NewEncoder(out)
	for _, fn := range all {
		if err := enc.Encode(fn); err != nil {
			return err
		}
	}
	return nil
}

func describe(context string, factory reflect.Value) (function, error) {
	fn := function{Context: context, Params: []param{}}
	fn.Name = factory.MethodByName("Name").Call(nil)[0].String()
	args := factory.MethodByName("CreateDefaultArguments").Call(nil)[0]
	if args.IsNil() {
		fn.NoArguments = true
		return fn, nil
	}
	st := args.Elem()
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() != reflect.Struct {
		return fn, fmt.Errorf("%s: arguments are a %s", fn.Name, st.Kind())
	}
	t := st.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		ft := f.Type
		optional := strings.HasPrefix(ft.Name(), "Optional")
		if optional {
			ft = ft.Field(0).Type // Optional[T].val
		}
		snake := strcase.ToSnake(f.Name)
		_, found := t.FieldByName(strcase.ToCamel(snake))
		fn.Params = append(fn.Params, param{Name: snake, Kind: kind(ft), Optional: optional,
			NamedOK: found})
	}
	return fn, nil
}

// kind classifies a parameter type the way ottl's buildArgs/buildArg switch on it.
func kind(t reflect.Type) string {
	name := t.Name()
	switch {
	case strings.HasPrefix(name, "FunctionGetter"):
		return "function"
	case t.Kind() == reflect.Slice:
		return "[]" + kind(t.Elem())
	case t.Kind() == reflect.Pointer:
		return kind(t.Elem())
	case strings.HasPrefix(name, "PMapGetSetter"):
		return "map_path"
	case strings.HasPrefix(name, "PSliceGetSetter"):
		return "slice_path"
	case strings.HasPrefix(name, "Setter"), strings.HasPrefix(name, "GetSetter"):
		return "path"
	case strings.HasPrefix(name, "LambdaExpression"):
		return "lambda"
	case strings.Contains(name, "Getter"):
		return "getter:" + name[:strings.Index(name, "Getter")+len("Getter")]
	case name == "Enum":
		return "enum"
	default:
		return name // string, float64, int64, bool
	}
}
