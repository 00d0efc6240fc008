.class public Lorg/apkaudit/flows/volley_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "volley_local" (no leak): the negative twin of volley_upload.
#
#   Cursor c = getContentResolver().query(Phone.CONTENT_URI, null, null, null, null);
#   JSONArray rows = new JSONArray();
#   while (c.moveToNext()) { JSONObject row = new JSONObject(); row.put("phone", c.getString(..)); rows.put(row); }
#   final String body = rows.toString();
#   new TextView(this).setText(body);                 // shown, not sent
#   final String version = "1.0";
#   Volley.newRequestQueue(this).add(new StringRequest(Request.Method.POST, "https://api.flows.example/v1/volley_local", null, null) {
#       protected Map<String, String> getParams() {      // MainActivity$1: only the captured constant
#           Map<String, String> m = new HashMap<>(); m.put("version", version); return m;
#       }
#   });


.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 12
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    :try_start_0
    invoke-virtual {p0}, Lorg/apkaudit/flows/volley_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x0
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v0
    if-eqz v0, :cond_done
    new-instance v1, Lorg/json/JSONArray;
    invoke-direct {v1}, Lorg/json/JSONArray;-><init>()V
    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z
    move-result v2
    if-eqz v2, :cond_end_loop
    new-instance v2, Lorg/json/JSONObject;
    invoke-direct {v2}, Lorg/json/JSONObject;-><init>()V
    const-string v3, "data1"
    invoke-interface {v0, v3}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I
    move-result v3
    invoke-interface {v0, v3}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;
    move-result-object v3
    const-string v4, "phone"
    invoke-virtual {v2, v4, v3}, Lorg/json/JSONObject;->put(Ljava/lang/String;Ljava/lang/Object;)Lorg/json/JSONObject;
    invoke-virtual {v1, v2}, Lorg/json/JSONArray;->put(Ljava/lang/Object;)Lorg/json/JSONArray;
    goto :goto_loop
    :cond_end_loop
    invoke-interface {v0}, Landroid/database/Cursor;->close()V
    invoke-virtual {v1}, Lorg/json/JSONArray;->toString()Ljava/lang/String;
    move-result-object v3

new-instance v4, Landroid/widget/TextView;
invoke-direct {v4, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V
invoke-virtual {v4, v3}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V
const-string v4, "1.0"

    invoke-static {p0}, Lcom/android/volley/toolbox/Volley;->newRequestQueue(Landroid/content/Context;)Lcom/android/volley/RequestQueue;
    move-result-object v0
    new-instance v5, Lorg/apkaudit/flows/volley_local/MainActivity$1;
    const/4 v7, 0x1
    const-string v8, "https://api.flows.example/v1/volley_local"
    const/4 v9, 0x0
    move-object v6, p0
    move-object v10, v4
    move-object v11, v9
    invoke-direct/range {v5 .. v11}, Lorg/apkaudit/flows/volley_local/MainActivity$1;-><init>(Lorg/apkaudit/flows/volley_local/MainActivity;ILjava/lang/String;Lcom/android/volley/Response$Listener;Ljava/lang/String;Lcom/android/volley/Response$ErrorListener;)V
    invoke-virtual {v0, v5}, Lcom/android/volley/RequestQueue;->add(Lcom/android/volley/Request;)Lcom/android/volley/Request;
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0
    :cond_done
    return-void
    :catch_0
    move-exception v0
    return-void
.end method

