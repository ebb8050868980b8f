/**
 * Pub/Sub benchmarks against the embedded emulator: consumption throughput through {@code
 * PubSubClient} against a raw grpc-java + Avro loop and against stop-and-wait flow control ({@link
 * dev.forcelink.benchmarks.pubsub.ConsumeThroughput}), payload decoding ({@link
 * dev.forcelink.benchmarks.pubsub.DecodeBenchmark}, JMH) and delivery latency ({@link
 * dev.forcelink.benchmarks.pubsub.DeliveryLatency}). Results and commands: {@code
 * docs/benchmarks.md}.
 */
package dev.forcelink.benchmarks.pubsub;
