package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.pubsub.internal.avro.AvroValues;
import dev.forcelink.pubsub.internal.avro.SchemaRegistry;
import dev.forcelink.rest.RestClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one Change Data Capture event (an {@code AccountChangeEvent} create of about 1 KB, taken
 * from the emulator's stream) per operation: the client's decoder (schema looked up in its
 * registry by id, then {@code AvroCodec} with its cached reader and per-thread decoder) against a
 * raw {@link GenericDatumReader} with a reused {@link BinaryDecoder}; also the client's conversion
 * to plain Java values ({@code PubSubEvent.asMap()}). Target: the client's decoder at least 0.7 of
 * the raw one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DecodeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class DecodeBenchmark {
  private static final String TOPIC = "/data/AccountChangeEvent";

  private byte[] payload;
  private String schemaId;
  private SchemaRegistry registry;
  private GenericDatumReader<GenericRecord> rawReader;
  private BinaryDecoder rawDecoder;

  /**
   * Makes one Account change in the emulator and keeps its event and schema.
   *
   * @throws Exception if the emulator cannot produce the event
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    try (BenchOrg org = new BenchOrg(1_000);
        RestClient rest = RestClient.create(org.connection())) {
      rest.create("Account", accountOfAboutOneKilobyte());
      var channel = org.newRawChannel();
      try {
        RawSubscriber subscriber = new RawSubscriber(org.rawStub(channel), org.rawBlockingStub(channel), TOPIC);
        subscriber.consume(TOPIC, 1, RawSubscriber.FlowControl.PIPELINED).get(1, TimeUnit.MINUTES);
        payload = subscriber.lastPayload();
        schemaId = subscriber.schemaId();
        String json = subscriber.schemaJson();
        registry = new SchemaRegistry(id -> json);
        rawReader = new GenericDatumReader<>(new Schema.Parser().parse(json));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    System.out.println("\nPayload: " + payload.length + " bytes of schema " + schemaId);
  }

  private static Map<String, Object> accountOfAboutOneKilobyte() {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("Name", "Initech Corporation (benchmark)");
    account.put("Phone", "+1 555 0100");
    account.put("Fax", "+1 555 0101");
    account.put("AccountNumber", "CD355118");
    account.put("Website", "https://initech.example");
    account.put("Industry", "Technology");
    account.put("BillingStreet", "4120 Freidrich Lane");
    account.put("BillingCity", "Austin");
    account.put("BillingState", "TX");
    account.put("BillingPostalCode", "78744");
    account.put("BillingCountry", "USA");
    account.put("Description", "A software company whose TPS reports need new cover sheets. ".repeat(11));
    return account;
  }

  /**
   * The client's decoder, as a subscription runs it for each event.
   *
   * @return the record
   */
  @Benchmark
  public GenericRecord clientDecoder() {
    return AvroCodec.decode(registry.get(schemaId), payload);
  }

  /**
   * The baseline: a cached reader and a reused decoder.
   *
   * @return the record
   * @throws IOException never, for valid payloads
   */
  @Benchmark
  public GenericRecord rawReader() throws IOException {
    rawDecoder = DecoderFactory.get().binaryDecoder(payload, rawDecoder);
    return rawReader.read(null, rawDecoder);
  }

  /**
   * The client's decoder followed by the conversion {@code PubSubEvent.asMap()} makes.
   *
   * @return the plain values
   */
  @Benchmark
  public Map<String, Object> clientDecoderToMap() {
    return AvroValues.toPlainMap(AvroCodec.decode(registry.get(schemaId), payload));
  }
}
