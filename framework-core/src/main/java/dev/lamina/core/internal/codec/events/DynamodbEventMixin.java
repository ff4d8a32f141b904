package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Streams: {@code Records}; per record {@code eventName} bound to its String setter; the
 * {@code dynamodb} part in DynamoDB's PascalCase; typed values as {@code S}, {@code N}, {@code B}
 * (base64), {@code SS}, {@code NS}, {@code BS}, {@code M}, {@code L}, {@code NULL}, {@code BOOL}.
 */
abstract class DynamodbEventMixin {
  @JsonProperty("Records") Object records;

  abstract static class DynamodbStreamRecordMixin {
    @JsonProperty("eventName")
    abstract String getEventName();

    @JsonProperty("eventName")
    abstract void setEventName(String eventName);
  }

  abstract static class StreamRecordMixin {
    @JsonProperty("Keys") Object keys;
    @JsonProperty("NewImage") Object newImage;
    @JsonProperty("OldImage") Object oldImage;
    @JsonProperty("SequenceNumber") Object sequenceNumber;
    @JsonProperty("SizeBytes") Object sizeBytes;
    @JsonProperty("ApproximateCreationDateTime") Object approximateCreationDateTime;

    @JsonProperty("StreamViewType")
    abstract String getStreamViewType();

    @JsonProperty("StreamViewType")
    abstract void setStreamViewType(StreamViewType viewType);
  }

  abstract static class AttributeValueMixin {
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
}
