package main

import (
	"github.com/open-telemetry/opentelemetry-collector-contrib/connector/countconnector"
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/fileexporter"
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/healthcheckextension"
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/filterprocessor"
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/k8sattributesprocessor"
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/transformprocessor"
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
	"go.opentelemetry.io/collector/exporter/otlpexporter"
	"go.opentelemetry.io/collector/exporter/otlphttpexporter"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/otelcol"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/batchprocessor"
	"go.opentelemetry.io/collector/processor/memorylimiterprocessor"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/service/telemetry/otelconftelemetry"
)

const (
	core    = "go.opentelemetry.io/collector/"
	contrib = "github.com/open-telemetry/opentelemetry-collector-contrib/"
)

// components returns the factories of this distribution. Without a telemetry factory the
// service refuses to start ("otelcol.Factories.Telemetry must not be nil").
func components() (otelcol.Factories, error) {
	var err error
	f := otelcol.Factories{Telemetry: otelconftelemetry.NewFactory()}

	if f.Receivers, err = otelcol.MakeFactoryMap[receiver.Factory](
		otlpreceiver.NewFactory(),
		filelogreceiver.NewFactory(), // the chart's logsCollection preset
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Processors, err = otelcol.MakeFactoryMap[processor.Factory](
		batchprocessor.NewFactory(),
		memorylimiterprocessor.NewFactory(),
		transformprocessor.NewFactory(),
		filterprocessor.NewFactory(),
		k8sattributesprocessor.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Exporters, err = otelcol.MakeFactoryMap[exporter.Factory](
		otlpexporter.NewFactory(),
		otlphttpexporter.NewFactory(),
		debugexporter.NewFactory(),
		fileexporter.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Extensions, err = otelcol.MakeFactoryMap[extension.Factory](
		healthcheckextension.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Connectors, err = otelcol.MakeFactoryMap[connector.Factory](
		countconnector.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}

	f.ReceiverModules = modules(f.Receivers, map[string]string{
		"otlp":     core + "receiver/otlpreceiver v0.158.0",
		"file_log": contrib + "receiver/filelogreceiver v0.158.0",
	})
	f.ProcessorModules = modules(f.Processors, map[string]string{
		"batch":          core + "processor/batchprocessor v0.158.0",
		"memory_limiter": core + "processor/memorylimiterprocessor v0.158.0",
		"transform":      contrib + "processor/transformprocessor v0.158.0",
		"filter":         contrib + "processor/filterprocessor v0.158.0",
		"k8s_attributes": contrib + "processor/k8sattributesprocessor v0.158.0",
	})
	f.ExporterModules = modules(f.Exporters, map[string]string{
		"otlp_grpc": core + "exporter/otlpexporter v0.158.0",
		"otlp_http": core + "exporter/otlphttpexporter v0.158.0",
		"debug":     core + "exporter/debugexporter v0.158.0",
		"file":      contrib + "exporter/fileexporter v0.158.0",
	})
	f.ExtensionModules = modules(f.Extensions, map[string]string{
		"health_check": contrib + "extension/healthcheckextension v0.158.0",
	})
	f.ConnectorModules = modules(f.Connectors, map[string]string{
		"count": contrib + "connector/countconnector v0.158.0",
	})
	return f, nil
}

// modules maps every registered type (deprecated aliases included) to the module that provides
// it, keyed by the factory's current type name; unknown types map to "".
func modules[T component.Factory](factories map[component.Type]T, byType map[string]string) map[component.Type]string {
	out := make(map[component.Type]string, len(factories))
	for t, f := range factories {
		out[t] = byType[f.Type().String()]
	}
	return out
}
