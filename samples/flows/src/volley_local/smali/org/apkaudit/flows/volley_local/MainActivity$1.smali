.class Lorg/apkaudit/flows/volley_local/MainActivity$1;
.super Lcom/android/volley/toolbox/StringRequest;
.source "MainActivity.java"

# The anonymous StringRequest of MainActivity.onCreate; javac passes the outer instance, the super
# constructor's arguments and the captured local (val$version).

.field final synthetic this$0:Lorg/apkaudit/flows/volley_local/MainActivity;

.field final synthetic val$version:Ljava/lang/String;

.method constructor <init>(Lorg/apkaudit/flows/volley_local/MainActivity;ILjava/lang/String;Lcom/android/volley/Response$Listener;Ljava/lang/String;Lcom/android/volley/Response$ErrorListener;)V
    .registers 7
    iput-object p1, p0, Lorg/apkaudit/flows/volley_local/MainActivity$1;->this$0:Lorg/apkaudit/flows/volley_local/MainActivity;
    iput-object p5, p0, Lorg/apkaudit/flows/volley_local/MainActivity$1;->val$version:Ljava/lang/String;
    invoke-direct {p0, p2, p3, p4, p6}, Lcom/android/volley/toolbox/StringRequest;-><init>(ILjava/lang/String;Lcom/android/volley/Response$Listener;Lcom/android/volley/Response$ErrorListener;)V
    return-void
.end method

.method protected getParams()Ljava/util/Map;
    .registers 4
    new-instance v0, Ljava/util/HashMap;
    invoke-direct {v0}, Ljava/util/HashMap;-><init>()V
    const-string v1, "version"
    iget-object v2, p0, Lorg/apkaudit/flows/volley_local/MainActivity$1;->val$version:Ljava/lang/String;
    invoke-interface {v0, v1, v2}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    return-object v0
.end method

