package dev.otelboard.collector;
