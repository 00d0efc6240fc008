.class public final Lcom/google/protobuf/CodedOutputStream;
.super Ljava/lang/Object;
.source "CodedOutputStream.java"

# Stand-in of protobuf-java's CodedOutputStream: writes into an array, or a buffer flushed to a stream.


# instance fields
.field private buffer:[B

.field private out:Ljava/io/OutputStream;

.field private position:I


# direct methods
.method private constructor <init>([BLjava/io/OutputStream;)V
    .registers 3

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lcom/google/protobuf/CodedOutputStream;->buffer:[B

    iput-object p2, p0, Lcom/google/protobuf/CodedOutputStream;->out:Ljava/io/OutputStream;

    return-void
.end method

.method public static newInstance(Ljava/io/OutputStream;)Lcom/google/protobuf/CodedOutputStream;
    .registers 3

    new-instance v0, Lcom/google/protobuf/CodedOutputStream;

    const/16 v1, 0x1000

    new-array v1, v1, [B

    invoke-direct {v0, v1, p0}, Lcom/google/protobuf/CodedOutputStream;-><init>([BLjava/io/OutputStream;)V

    return-object v0
.end method

.method public static newInstance([B)Lcom/google/protobuf/CodedOutputStream;
    .registers 3

    new-instance v0, Lcom/google/protobuf/CodedOutputStream;

    const/4 v1, 0x0

    invoke-direct {v0, p0, v1}, Lcom/google/protobuf/CodedOutputStream;-><init>([BLjava/io/OutputStream;)V

    return-object v0
.end method


# virtual methods
.method public flush()V
    .registers 5

    iget-object v0, p0, Lcom/google/protobuf/CodedOutputStream;->out:Ljava/io/OutputStream;

    if-eqz v0, :cond_done

    iget-object v1, p0, Lcom/google/protobuf/CodedOutputStream;->buffer:[B

    const/4 v2, 0x0

    iget v3, p0, Lcom/google/protobuf/CodedOutputStream;->position:I

    invoke-virtual {v0, v1, v2, v3}, Ljava/io/OutputStream;->write([BII)V

    :cond_done
    return-void
.end method

.method public writeInt32(II)V
    .registers 6

    iget-object v0, p0, Lcom/google/protobuf/CodedOutputStream;->buffer:[B

    iget v1, p0, Lcom/google/protobuf/CodedOutputStream;->position:I

    add-int/lit8 v2, v1, 0x1

    iput v2, p0, Lcom/google/protobuf/CodedOutputStream;->position:I

    int-to-byte v3, p2

    aput-byte v3, v0, v1

    return-void
.end method

.method public writeString(ILjava/lang/String;)V
    .registers 8

    const-string v0, "UTF-8"

    invoke-virtual {p2, v0}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v0

    iget-object v1, p0, Lcom/google/protobuf/CodedOutputStream;->buffer:[B

    iget v2, p0, Lcom/google/protobuf/CodedOutputStream;->position:I

    array-length v3, v0

    const/4 v4, 0x0

    invoke-static {v0, v4, v1, v2, v3}, Ljava/lang/System;->arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V

    add-int/2addr v2, v3

    iput v2, p0, Lcom/google/protobuf/CodedOutputStream;->position:I

    return-void
.end method
