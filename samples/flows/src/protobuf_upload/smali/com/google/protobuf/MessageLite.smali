.class public interface abstract Lcom/google/protobuf/MessageLite;
.super Ljava/lang/Object;
.source "MessageLite.java"

# Stand-in of protobuf-java's MessageLite (the methods this sample calls; real names and signatures).


# virtual methods
.method public abstract getSerializedSize()I
.end method

.method public abstract toByteArray()[B
.end method

.method public abstract writeTo(Lcom/google/protobuf/CodedOutputStream;)V
.end method

.method public abstract writeTo(Ljava/io/OutputStream;)V
.end method
