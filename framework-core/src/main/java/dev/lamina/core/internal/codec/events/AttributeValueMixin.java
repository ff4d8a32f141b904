package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's typed values: {@code S}, {@code N}, {@code B} (base64), {@code SS}, {@code NS},
 * {@code BS}, {@code M}, {@code L}, {@code NULL}, {@code BOOL}.
 */
abstract class AttributeValueMixin {
  @JsonProperty("S")
  abstract String getS();

  @JsonProperty("S")
  abstract void setS(String s);

  @JsonProperty("N")
  abstract String getN();

  @JsonProperty("N")
  abstract void setN(String n);

  @JsonProperty("B")
  abstract ByteBuffer getB();

  @JsonProperty("B")
  abstract void setB(ByteBuffer b);

  @JsonProperty("SS")
  abstract List<String> getSS();

  @JsonProperty("SS")
  abstract void setSS(Collection<String> ss);

  @JsonProperty("NS")
  abstract List<String> getNS();

  @JsonProperty("NS")
  abstract void setNS(Collection<String> ns);

  @JsonProperty("BS")
  abstract List<ByteBuffer> getBS();

  @JsonProperty("BS")
  abstract void setBS(Collection<ByteBuffer> bs);

  @JsonProperty("M")
  abstract Map<String, AttributeValue> getM();

  @JsonProperty("M")
  abstract void setM(Map<String, AttributeValue> m);

  @JsonProperty("L")
  abstract List<AttributeValue> getL();

  @JsonProperty("L")
  abstract void setL(Collection<AttributeValue> l);

  @JsonProperty("NULL")
  abstract Boolean isNULL();

  @JsonProperty("NULL")
  abstract void setNULL(Boolean isNull);

  @JsonProperty("BOOL")
  abstract Boolean getBOOL();

  @JsonProperty("BOOL")
  abstract void setBOOL(Boolean bool);
}
