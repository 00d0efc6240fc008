.class public final Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;
.super Lcom/google/protobuf/GeneratedMessageLite;
.source "Ping.java"

# A message class as protoc 3.x generates it for the lite runtime (fields kept in the message, written by writeTo,
# merged field by field through a Visitor).


# instance fields
.field private count_:I

.field private version_:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 2

    invoke-direct {p0}, Lcom/google/protobuf/GeneratedMessageLite;-><init>()V

    const-string v0, ""

    iput-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    return-void
.end method


# virtual methods
.method public getCount()I
    .registers 2

    iget v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    return v0
.end method

.method public getVersion()Ljava/lang/String;
    .registers 2

    iget-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    return-object v0
.end method

.method public getSerializedSize()I
    .registers 2

    iget-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    invoke-virtual {v0}, Ljava/lang/String;->length()I

    move-result v0

    add-int/lit8 v0, v0, 0x8

    return v0
.end method

.method setVersion(Ljava/lang/String;)V
    .registers 2

    iput-object p1, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    return-void
.end method

.method public setVersionBytes(Lcom/google/protobuf/ByteString;)V
    .registers 3

    invoke-virtual {p1}, Lcom/google/protobuf/ByteString;->toStringUtf8()Ljava/lang/String;

    move-result-object v0

    iput-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    iget v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    add-int/lit8 v0, v0, 0x1

    iput v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    return-void
.end method

.method public visit(Lcom/google/protobuf/GeneratedMessageLite$Visitor;Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;)V
    .registers 10

    # version_ = visitor.visitString(!version_.isEmpty(), version_, !other.version_.isEmpty(), other.version_);
    # count_ = visitor.visitInt(count_ != 0, count_, other.count_ != 0, other.count_);
    iget-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    invoke-virtual {v0}, Ljava/lang/String;->isEmpty()Z

    move-result v1

    xor-int/lit8 v1, v1, 0x1

    iget-object v2, p2, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    invoke-virtual {v2}, Ljava/lang/String;->isEmpty()Z

    move-result v3

    xor-int/lit8 v3, v3, 0x1

    invoke-interface {p1, v1, v0, v3, v2}, Lcom/google/protobuf/GeneratedMessageLite$Visitor;->visitString(ZLjava/lang/String;ZLjava/lang/String;)Ljava/lang/String;

    move-result-object v0

    iput-object v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    iget v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    if-eqz v0, :cond_mine_zero

    const/4 v1, 0x1

    goto :goto_mine

    :cond_mine_zero
    const/4 v1, 0x0

    :goto_mine
    iget v2, p2, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    if-eqz v2, :cond_other_zero

    const/4 v3, 0x1

    goto :goto_other

    :cond_other_zero
    const/4 v3, 0x0

    :goto_other
    invoke-interface {p1, v1, v0, v3, v2}, Lcom/google/protobuf/GeneratedMessageLite$Visitor;->visitInt(ZIZI)I

    move-result v0

    iput v0, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    return-void
.end method

.method public writeTo(Lcom/google/protobuf/CodedOutputStream;)V
    .registers 4

    const/4 v0, 0x1

    iget-object v1, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->version_:Ljava/lang/String;

    invoke-virtual {p1, v0, v1}, Lcom/google/protobuf/CodedOutputStream;->writeString(ILjava/lang/String;)V

    const/4 v0, 0x2

    iget v1, p0, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->count_:I

    invoke-virtual {p1, v0, v1}, Lcom/google/protobuf/CodedOutputStream;->writeInt32(II)V

    return-void
.end method
