// Flash Loan H5 pages: the loan form posts here.
var API = "https://h5.flashloan.example/loan/apply";
var BACKUP = "http://198.51.100.23:9000/h5/apply";
var NS = "http://www.w3.org/2000/svg";
